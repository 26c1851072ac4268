package org.pledge.cases.catalogue.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceTypeDefinedEvent;
import org.pledge.cases.sla.ServiceStandard;
import org.pledge.testsupport.infra.MemoryMongo;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * The catalogue projection's writes on mongo-java-server (no Spring, no Axon): monotone per service type, insert-once
 * per calendar version, so a replay over the stored catalogue changes nothing and an older revision never wins.
 */
class CatalogueProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant AVAILABLE_FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate CHRISTMAS = LocalDate.parse("2026-12-25");
    private static final LocalDate BOXING_DAY = LocalDate.parse("2026-12-28");

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private MongoCatalogue catalogue;
    private CatalogueProjection projection;

    @BeforeEach
    void freshDatabase() {
        catalogue = new MongoCatalogue(new SimpleMongoClientDatabaseFactory(MONGO.client(), "catalogue-" + UUID.randomUUID()));
        projection = new CatalogueProjection(catalogue);
    }

    @Test
    void keptCopies_answerSubmissionsWithinTheTtl_andAnAdminsAwaitedChangeIsSeenAtOnce() {
        SimpleMongoClientDatabaseFactory databases = new SimpleMongoClientDatabaseFactory(MONGO.client(), "kept-" + UUID.randomUUID());
        MongoCatalogue keeping = new MongoCatalogue(databases, java.time.Duration.ofHours(1));
        CatalogueProjection writer = new CatalogueProjection(keeping);
        writer.on(defined(1, "10 business days"));
        writer.on(published(1, List.of(CHRISTMAS)));
        assertThat(keeping.find("PASSPORT").orElseThrow().standard()).isEqualTo(ServiceStandard.businessDays(10));
        assertThat(keeping.current("CA-ON").orElseThrow().version()).isEqualTo(1);

        // another instance's projection stores newer definitions: this one answers from its copies within the TTL...
        CatalogueProjection elsewhere = new CatalogueProjection(new MongoCatalogue(databases));
        elsewhere.on(defined(2, "12 business days"));
        elsewhere.on(published(2, List.of(CHRISTMAS, BOXING_DAY)));
        assertThat(keeping.find("PASSPORT").orElseThrow().standard()).isEqualTo(ServiceStandard.businessDays(10));
        assertThat(keeping.current("CA-ON").orElseThrow().version()).isEqualTo(1);

        // ...until an admin's change it waits for (the PUT's await) refreshes them
        assertThat(keeping.awaitServiceType("PASSPORT", 2, java.time.Duration.ofSeconds(1))).isTrue();
        assertThat(keeping.awaitCalendar("CA-ON", 2, java.time.Duration.ofSeconds(1))).isTrue();
        assertThat(keeping.find("PASSPORT").orElseThrow().standard()).isEqualTo(ServiceStandard.businessDays(12));
        assertThat(keeping.current("CA-ON").orElseThrow().version()).isEqualTo(2);

        // and without a TTL every call reads the store
        MongoCatalogue reading = new MongoCatalogue(databases, java.time.Duration.ZERO);
        assertThat(reading.find("PASSPORT").orElseThrow().standard()).isEqualTo(ServiceStandard.businessDays(12));
        elsewhere.on(defined(3, "15 business days"));
        assertThat(reading.find("PASSPORT").orElseThrow().standard()).isEqualTo(ServiceStandard.businessDays(15));
    }

    @Test
    void olderRevision_replayedAfterANewerOne_doesNotOverwriteIt() {
        projection.on(defined(2, "12 business days"));
        projection.on(defined(1, "10 business days"));

        MongoCatalogue.StoredServiceType stored = catalogue.stored("PASSPORT").orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.serviceType().standard()).isEqualTo(ServiceStandard.businessDays(12));
        assertThat(stored.definedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void newerRevision_replacesTheStoredOne() {
        projection.on(defined(1, "10 business days"));
        projection.on(defined(2, "12 business days"));
        projection.on(defined(3, "15 business days"));

        assertThat(catalogue.stored("PASSPORT").orElseThrow().revision()).isEqualTo(3);
        assertThat(catalogue.find("PASSPORT").orElseThrow().standard()).isEqualTo(ServiceStandard.businessDays(15));
        assertThat(catalogue.serviceTypes().countDocuments()).isEqualTo(1);
    }

    @Test
    void sameRevisionAgain_changesNothing() {
        projection.on(defined(1, "10 business days"));
        Document before = catalogue.serviceTypes().withDocumentClass(Document.class).find().first();

        projection.on(defined(1, "11 business days")); // cannot happen (a revision is one event); shows nothing is rewritten

        assertThat(catalogue.serviceTypes().withDocumentClass(Document.class).find().first()).isEqualTo(before);
    }

    @Test
    void publishedCalendarVersion_isInsertedOnce_andNeverRewritten() {
        projection.on(published(1, List.of(CHRISTMAS)));
        projection.on(published(2, List.of(CHRISTMAS, BOXING_DAY)));
        Document v1 = catalogue.calendars().withDocumentClass(Document.class).find(new Document("_id", "CA-ON:1")).first();

        projection.on(published(1, List.of(BOXING_DAY))); // a different body under the same version: ignored

        assertThat(catalogue.calendars().withDocumentClass(Document.class).find(new Document("_id", "CA-ON:1")).first()).isEqualTo(v1);
        assertThat(catalogue.calendars().countDocuments()).isEqualTo(2);
        assertThat(catalogue.current("CA-ON").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void replayingEveryEvent_overTheStoredCatalogue_leavesItEqual_andNeverShowsAnOlderState() {
        List<Object> history = List.of(published(1, List.of(CHRISTMAS)), defined(1, "10 business days"),
                published(2, List.of(CHRISTMAS, BOXING_DAY)), defined(2, "12 business days"), defined(3, "15 business days"));
        history.forEach(this::apply);
        List<Document> serviceTypes = all(catalogue.serviceTypes());
        List<Document> calendars = all(catalogue.calendars());

        for (Object event : history) { // the replay, with a reader between every two events
            apply(event);
            assertThat(catalogue.stored("PASSPORT").orElseThrow().revision()).isEqualTo(3);
            assertThat(catalogue.current("CA-ON").orElseThrow().version()).isEqualTo(2);
        }

        assertThat(all(catalogue.serviceTypes())).isEqualTo(serviceTypes);
        assertThat(all(catalogue.calendars())).isEqualTo(calendars);
    }

    @Test
    void replay_restoresADocumentThatWasLost() {
        List<Object> history = List.of(published(1, List.of(CHRISTMAS)), defined(1, "10 business days"),
                published(2, List.of(CHRISTMAS, BOXING_DAY)), defined(2, "12 business days"));
        history.forEach(this::apply);
        List<Document> serviceTypes = all(catalogue.serviceTypes());
        List<Document> calendars = all(catalogue.calendars());
        catalogue.calendars().deleteOne(new Document("_id", "CA-ON:1"));
        catalogue.serviceTypes().deleteMany(new Document());

        history.forEach(this::apply);

        assertThat(all(catalogue.serviceTypes())).isEqualTo(serviceTypes);
        assertThat(all(catalogue.calendars())).isEqualTo(calendars);
    }

    // ------------------------------------------------------------------ helpers

    private void apply(Object event) {
        if (event instanceof ServiceTypeDefinedEvent e) {
            projection.on(e);
        } else {
            projection.on((BusinessCalendarPublishedEvent) event);
        }
    }

    /** The documents as stored. */
    private static List<Document> all(MongoCollection<?> collection) {
        return collection.withDocumentClass(Document.class).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static ServiceTypeDefinedEvent defined(int revision, String standard) {
        return new ServiceTypeDefinedEvent("PASSPORT", revision, Map.of("en", "Passport", "fr", "Passeport"), Money.of("120.00", "CAD"),
                standard, "20 business days", new BigDecimal("0.8"), true, "CA-ON", AVAILABLE_FROM, T0.plusSeconds(revision));
    }

    private static BusinessCalendarPublishedEvent published(int version, List<LocalDate> holidays) {
        return new BusinessCalendarPublishedEvent("CA-ON", version, "America/Toronto", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                holidays, holidays, List.of(), T0.plusSeconds(version));
    }
}
