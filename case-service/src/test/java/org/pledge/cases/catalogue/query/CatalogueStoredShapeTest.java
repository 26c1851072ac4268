package org.pledge.cases.catalogue.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.pledge.cases.sla.ServiceStandard;
import org.pledge.testsupport.infra.MemoryMongo;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * {@code service_types} and {@code business_calendars} keep the shape the earlier code wrote with raw documents
 * (written out by hand below): amounts and the at-risk share as plain strings, dates as ISO strings, weekend days by
 * name, instants as BSON dates. Stored documents read exactly (scale of amounts, order of names); new ones are stored in
 * that shape, their nulls left out.
 */
class CatalogueStoredShapeTest {

    private static final Instant DEFINED = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant AVAILABLE_FROM = Instant.parse("2026-01-01T00:00:00Z");

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private MongoCatalogue catalogue;

    @BeforeEach
    void fresh() {
        catalogue = new MongoCatalogue(new SimpleMongoClientDatabaseFactory(MONGO.client(), "catalogue-shape-" + UUID.randomUUID()));
    }

    private static Document earlierServiceType() {
        return new Document("_id", "PASSPORT").append("revision", 2)
                .append("names", new Document("fr", "Passeport").append("en", "Passport").append("iu", "ᐊᖁᓐᓇᐅᔭᖅ"))
                .append("fee", new Document("amount", "120.50").append("currency", "CAD")).append("standard", "10 business days")
                .append("legalTimeLimit", null).append("atRiskShare", "0.80").append("guaranteed", true).append("calendarId", "CA-ON")
                .append("availableFrom", Date.from(AVAILABLE_FROM)).append("definedAt", Date.from(DEFINED));
    }

    private static Document earlierCalendar() {
        return new Document("_id", "CA-ON:3").append("calendarId", "CA-ON").append("version", 3).append("zone", "America/Toronto")
                .append("weekendDays", List.of("SATURDAY", "SUNDAY")).append("holidays", List.of("2026-07-01", "2026-12-25"))
                .append("addedHolidays", List.of("2026-12-25")).append("removedHolidays", List.of())
                .append("publishedAt", Date.from(DEFINED));
    }

    @Test
    void documentsTheEarlierCodeStored_readExactly() {
        catalogue.serviceTypes().withDocumentClass(Document.class).insertOne(earlierServiceType());
        catalogue.calendars().withDocumentClass(Document.class).insertOne(earlierCalendar());

        MongoCatalogue.StoredServiceType stored = catalogue.stored("PASSPORT").orElseThrow();
        ServiceType type = stored.serviceType();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.definedAt()).isEqualTo(DEFINED);
        assertThat(type.fee()).isEqualTo(new Money(new BigDecimal("120.50"), "CAD"));
        assertThat(type.atRiskShare()).isEqualTo(new BigDecimal("0.80"));
        assertThat(type.names().keySet()).containsExactly("fr", "en", "iu");
        assertThat(type.standard()).isEqualTo(ServiceStandard.businessDays(10));
        assertThat(type.legalTimeLimit()).isNull();
        assertThat(type.availableFrom()).isEqualTo(AVAILABLE_FROM);

        MongoCatalogue.StoredCalendar calendar = catalogue.versions("CA-ON").get(0);
        assertThat(calendar.calendar().version()).isEqualTo(3);
        assertThat(calendar.calendar().zone()).isEqualTo(ZoneId.of("America/Toronto"));
        assertThat(calendar.calendar().weekendDays()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.calendar().holidays()).containsExactly(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 25));
        assertThat(calendar.addedHolidays()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThat(calendar.removedHolidays()).isEmpty();
        assertThat(catalogue.current("CA-ON").orElseThrow().version()).isEqualTo(3);
        assertThat(catalogue.newestVersions()).isEqualTo(Map.of("CA-ON", 3));
    }

    @Test
    void newDocuments_areStoredInTheEarlierShape_withoutItsNulls() {
        CatalogueProjection projection = new CatalogueProjection(catalogue);
        java.util.LinkedHashMap<String, String> names = new java.util.LinkedHashMap<>();
        names.put("fr", "Passeport");
        names.put("en", "Passport");
        names.put("iu", "ᐊᖁᓐᓇᐅᔭᖅ");
        projection.on(new ServiceTypeDefinedEvent("PASSPORT", 2, names, Money.of("120.50", "CAD"), "10 business days", null,
                new BigDecimal("0.80"), true, "CA-ON", AVAILABLE_FROM, DEFINED));
        projection.on(new BusinessCalendarPublishedEvent("CA-ON", 3, "America/Toronto", EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
                List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 7, 1)), List.of(LocalDate.of(2026, 12, 25)), List.of(), DEFINED));

        Document serviceType = earlierServiceType();
        serviceType.remove("legalTimeLimit");
        assertThat(catalogue.serviceTypes().withDocumentClass(Document.class).find().first()).isEqualTo(serviceType);
        assertThat(catalogue.serviceTypes().withDocumentClass(Document.class).find().first().get("names", Document.class).keySet())
                .containsExactly("fr", "en", "iu");
        assertThat(catalogue.calendars().withDocumentClass(Document.class).find().first()).isEqualTo(earlierCalendar());
    }
}
