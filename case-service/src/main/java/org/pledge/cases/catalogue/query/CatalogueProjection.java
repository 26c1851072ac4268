package org.pledge.cases.catalogue.query;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code service_types} (newest revision per code) and {@code business_calendars} (every published version)
 * for {@link MongoCatalogue}.
 *
 * <p>Every write is idempotent and monotone, each one atomic on one document: a service type is replaced only if the
 * stored revision is lower than the event's (an older or equal revision changes nothing), and a calendar version is
 * inserted only if absent (published versions never change). So there is no reset handler: a rebuild (resetting
 * the group's tokens) replays over the stored documents and converges to the same state, while the catalogue stays
 * readable throughout. Emptying the collections instead would make every submission fail until the replay caught
 * up, since the Case aggregate looks up the service type and the current calendar here.
 *
 * <p>What a rebuild therefore cannot do: remove a document no event explains, or rewrite a stored revision or
 * version in a new shape. For that, stop the service, drop both collections, then reset the group.
 */
@Component
@ProcessingGroup(CatalogueProjection.GROUP)
class CatalogueProjection {

    static final String GROUP = "catalogue";

    private final MongoCatalogue catalogue;

    CatalogueProjection(MongoCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @EventHandler
    void on(ServiceTypeDefinedEvent e) {
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
        try {
            // matches only an older revision; when none is stored the upsert inserts, when this or a newer one is
            // stored the insert collides on _id
            catalogue.serviceTypes().replaceOne(Filters.and(Filters.eq("_id", e.code()), Filters.lt("revision", e.revision())), doc,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException ex) {
            requireDuplicateKey(ex); // this revision or a newer one is stored already
        }
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
        try {
            catalogue.calendars().insertOne(doc);
        } catch (MongoWriteException ex) {
            requireDuplicateKey(ex); // stored already (a replay or a redelivery): published versions never change
        }
    }

    private static void requireDuplicateKey(MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }

    private static List<String> strings(List<LocalDate> dates) {
        return dates == null ? List.of() : dates.stream().sorted().map(LocalDate::toString).toList();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
