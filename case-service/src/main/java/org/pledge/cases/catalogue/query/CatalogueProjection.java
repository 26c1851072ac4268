package org.pledge.cases.catalogue.query;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code service_types} (newest revision per code) and {@code business_calendars} (every published version)
 * for {@link MongoCatalogue}. Idempotent: a service type older than or equal to the stored revision changes nothing;
 * a calendar version is written whole under its own id. Rebuilt by replaying the group (the reset empties both).
 */
@Component
@ProcessingGroup(CatalogueProjection.GROUP)
class CatalogueProjection {

    static final String GROUP = "catalogue";

    private final MongoCatalogue catalogue;

    CatalogueProjection(MongoCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @ResetHandler
    void reset() {
        catalogue.serviceTypes().deleteMany(new Document());
        catalogue.calendars().deleteMany(new Document());
    }

    @EventHandler
    void on(ServiceTypeDefinedEvent e) {
        Document existing = catalogue.serviceTypes().find(Filters.eq("_id", e.code())).first();
        if (existing != null && existing.getInteger("revision", 0) >= e.revision()) {
            return; // applied already
        }
        Document names = new Document();
        e.names().forEach(names::append);
        Document doc = new Document("_id", e.code())
                .append("revision", e.revision())
                .append("names", names)
                .append("fee", new Document("amount", e.fee().amount().toPlainString()).append("currency", e.fee().currency()))
                .append("standard", e.standard())
                .append("legalTimeLimit", e.legalTimeLimit())
                .append("atRiskShare", e.atRiskShare().toPlainString())
                .append("guaranteed", e.guaranteed())
                .append("calendarId", e.calendarId())
                .append("availableFrom", date(e.availableFrom()))
                .append("definedAt", date(e.definedAt()));
        catalogue.serviceTypes().replaceOne(Filters.eq("_id", e.code()), doc, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(BusinessCalendarPublishedEvent e) {
        String id = e.calendarId() + ":" + e.version();
        Document doc = new Document("_id", id)
                .append("calendarId", e.calendarId())
                .append("version", e.version())
                .append("zone", e.zone())
                .append("weekendDays", e.weekendDays().stream().sorted().map(DayOfWeek::name).toList())
                .append("holidays", strings(e.holidays()))
                .append("addedHolidays", strings(e.addedHolidays()))
                .append("removedHolidays", strings(e.removedHolidays()))
                .append("publishedAt", date(e.publishedAt()));
        catalogue.calendars().replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    private static List<String> strings(List<LocalDate> dates) {
        return dates == null ? List.of() : dates.stream().sorted().map(LocalDate::toString).toList();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
