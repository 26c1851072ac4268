package org.pledge.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.privacy.DataSubjectErasedV1;
import org.pledge.platform.axon.EventRevisions;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.pledge.platform.messaging.privacy.DataSubjectErasureEvents;
import org.pledge.platform.privacy.api.DataSubjectErasedEvent;
import org.pledge.platform.privacy.api.ErasureReason;
import org.pledge.platform.privacy.api.RequestedThrough;
import org.pledge.testsupport.infra.MemoryMongo;

/**
 * An erasure's three steps on the service's real event storage engine (mongo-java-server): key, holders, one event;
 * repeated in full by a retry, completed after a crash, published only when it was requested here.
 */
class DataSubjectErasuresTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private static final Map<String, Object> META = Map.of("actor", "admin-1");

    private PrivacyFixture fixture;
    private EmbeddedEventStore eventStore;
    private final List<String> scrubbed = new ArrayList<>();
    private final AtomicBoolean holderFails = new AtomicBoolean();
    private DataSubjectErasures erasures;

    @BeforeEach
    void service() {
        fixture = new PrivacyFixture(MONGO.database("erasures-" + System.nanoTime()));
        Serializer serializer = JacksonSerializer.builder().objectMapper(fixture.mapper).revisionResolver(new EventRevisions()).build();
        eventStore = EmbeddedEventStore.builder().storageEngine(MongoSequencedEventStorageEngine.builder()
                .mongoDatabase(fixture.database).clock(Clock.systemUTC()).eventSerializer(serializer).snapshotSerializer(serializer)
                .build()).build();
        PersonalDataHolder holder = subjectRef -> {
            if (holderFails.get()) {
                throw new IllegalStateException("read model down");
            }
            scrubbed.add(subjectRef);
        };
        erasures = new DataSubjectErasures(fixture.keys, () -> List.of(holder), () -> eventStore);
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void erase_deletesTheKey_scrubsEveryHolder_andStoresOneEvent_evenWhenRepeated() {
        fixture.cipher.protect("ref-1", "Marie");

        ErasureRecord first = erasures.erase("ref-1", ErasureReason.SUBJECT_REQUEST, "admin-1", RequestedThrough.API, META);
        ErasureRecord again = erasures.erase("ref-1", ErasureReason.LEGAL_OBLIGATION, "admin-2", RequestedThrough.API, META);

        assertThat(first.completed()).isTrue();
        assertThat(again).isEqualTo(first);
        assertThat(scrubbed).containsExactly("ref-1"); // a completed erasure is not done again
        List<DomainEventMessage<?>> events = events("ref-1");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getPayload()).isEqualTo(new DataSubjectErasedEvent("ref-1", "subject-request", first.erasedAt(), "admin-1", "api"));
            assertThat(e.getSequenceNumber()).isZero();
            assertThat(e.getMetaData()).containsEntry("actor", "admin-1");
        });
        assertThat(erasures.status("ref-1")).contains(first);
        assertThat(erasures.isErased("ref-1")).isTrue();
        assertThat(erasures.status("ref-2")).isEmpty();
    }

    @Test
    void aCrashAfterTheKeyIsGone_isCompletedByTheNextRequest_orByTheSweep() {
        holderFails.set(true);
        assertThatThrownBy(() -> erasures.erase("ref-1", ErasureReason.RETENTION, "svc/retention", RequestedThrough.RETENTION, META))
                .hasMessageContaining("read model down");
        assertThatThrownBy(() -> erasures.erase("ref-2", ErasureReason.RETENTION, "svc/retention", RequestedThrough.RETENTION, META))
                .hasMessageContaining("read model down");
        assertThat(fixture.keys.isErased("ref-1")).as("the key is gone already").isTrue();
        assertThat(events("ref-1")).isEmpty();
        assertThat(erasures.status("ref-1").orElseThrow().completed()).isFalse();
        holderFails.set(false);

        ErasureRecord retried = erasures.erase("ref-1", ErasureReason.SUBJECT_REQUEST, "admin-1", RequestedThrough.API, META);
        int swept = erasures.completeUnfinished(Map.of("actor", "svc/privacy"));

        assertThat(retried.completed()).isTrue();
        assertThat(retried.reason()).as("the first erasure's record").isEqualTo("retention");
        assertThat(swept).isEqualTo(1);
        assertThat(scrubbed).containsExactlyInAnyOrder("ref-1", "ref-2");
        assertThat(events("ref-1")).hasSize(1);
        assertThat(events("ref-2")).singleElement().satisfies(e -> assertThat(e.getMetaData()).containsEntry("actor", "svc/privacy"));
        assertThat(erasures.completeUnfinished(META)).isZero();
    }

    @Test
    void aCompletion_afterTheEventWasStored_addsNoSecondEvent() {
        erasures.erase("ref-1", ErasureReason.SUBJECT_REQUEST, "admin-1", RequestedThrough.API, META);
        fixture.database.getCollection(DataSubjectKeyStore.COLLECTION)
                .updateOne(new org.bson.Document("_id", "ref-1"), new org.bson.Document("$set", new org.bson.Document("completed", false)));

        assertThat(erasures.completeUnfinished(META)).isEqualTo(1);

        assertThat(events("ref-1")).hasSize(1);
    }

    @Test
    void theMapper_publishesErasuresRequestedHere_neverOnesReceived() {
        DataSubjectErasureEvents mapper = new DataSubjectErasureEvents();
        java.time.Instant at = java.time.Instant.parse("2026-03-02T14:00:00Z");

        var api = mapper.map(event(new DataSubjectErasedEvent("ref-1", "subject-request", at, "admin-1", RequestedThrough.API)));
        var retention = mapper.map(event(new DataSubjectErasedEvent("ref-1", "retention", at, "svc", RequestedThrough.RETENTION)));
        var received = mapper.map(event(new DataSubjectErasedEvent("ref-1", "retention", at, "svc", RequestedThrough.TOPIC)));

        assertThat(api).hasValueSatisfying(out -> {
            assertThat(out.topic()).isEqualTo("pledge.privacy.v1");
            assertThat(out.type()).isEqualTo(EventTypes.PRIVACY_DATA_SUBJECT_ERASED.name());
            assertThat(out.subject()).isEqualTo("ref-1");
            assertThat(out.partitionKey()).isEqualTo("ref-1");
            assertThat(out.data()).isEqualTo(new DataSubjectErasedV1("ref-1", at, "subject-request"));
        });
        assertThat(retention).isPresent();
        assertThat(received).isEmpty();
        assertThat(mapper.map(event("something else"))).isEmpty();
    }

    @Test
    void theConsumer_erasesWhatAnotherServiceErased_butSkipsItsOwnAndOtherTypes() {
        com.fasterxml.jackson.databind.ObjectMapper json = org.pledge.contracts.SchemaCheck.mapper();
        org.pledge.platform.messaging.privacy.DataSubjectErasureConsumer consumer =
                new org.pledge.platform.messaging.privacy.DataSubjectErasureConsumer(erasures, json, "case-service");
        com.fasterxml.jackson.databind.JsonNode data = json.valueToTree(
                new DataSubjectErasedV1("ref-9", java.time.Instant.parse("2026-03-02T14:00:00Z"), "court-order"));

        consumer.handle(new org.pledge.platform.messaging.consume.InboundCloudEvent("ce-1", EventTypes.PRIVACY_DATA_SUBJECT_ERASED.name(),
                "/pledge/case-service", "ref-9", null, data));
        consumer.handle(new org.pledge.platform.messaging.consume.InboundCloudEvent("ce-2", "pledge.privacy.something-else.v1",
                "/pledge/notification-service", "ref-9", null, data));
        assertThat(erasures.isErased("ref-9")).as("its own erasure and another type change nothing").isFalse();

        consumer.handle(new org.pledge.platform.messaging.consume.InboundCloudEvent("ce-3", EventTypes.PRIVACY_DATA_SUBJECT_ERASED.name(),
                "/pledge/notification-service", "ref-9", null, data));
        ErasureRecord record = erasures.status("ref-9").orElseThrow();
        assertThat(record.reason()).as("a reason code this service does not know yet").isEqualTo("court-order");
        assertThat(record.erasedBy()).isEqualTo("notification-service");
        assertThat(record.requestedThrough()).isEqualTo(RequestedThrough.TOPIC);
        assertThat(record.completed()).isTrue();
        assertThat(events("ref-9")).singleElement().satisfies(e -> assertThat(e.getMetaData())
                .containsEntry("actor", "notification-service").containsEntry("client", "pledge.privacy.v1"));
    }

    private List<DomainEventMessage<?>> events(String subjectRef) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(DataSubjectErasures.streamId(subjectRef)).forEachRemaining(events::add);
        return events;
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
