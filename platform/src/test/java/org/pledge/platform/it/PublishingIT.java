package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIT
class PublishingIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void appliedEvent_isPublishedAsBinaryModeCloudEvent_readableByAPlainKafkaConsumer() throws Exception {
        String caseId = "case-" + UUID.randomUUID();

        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "broken streetlight"));

        DomainEventMessage<?> stored = eventStore.readEvents(caseId).next();
        ConsumerRecord<String, byte[]> record = RawKafka.await(TestApp.OUT_TOPIC,
                r -> caseId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(RawKafka.header(record, "ce_id")).isEqualTo(stored.getIdentifier());
        assertThat(RawKafka.header(record, "ce_type")).isEqualTo("pledge.test.opened.v1");
        assertThat(RawKafka.header(record, "ce_source")).isEqualTo("/pledge/platform-it");
        assertThat(RawKafka.header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(RawKafka.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(RawKafka.header(record, "content-type")).isEqualTo("application/json");
        assertThat(Instant.parse(RawKafka.header(record, "ce_time"))).isEqualTo(stored.getTimestamp());
        assertThat(RawKafka.header(record, "ce_time")).endsWith("Z");
        JsonNode data = objectMapper.readTree(record.value());
        assertThat(data.get("caseId").asText()).isEqualTo(caseId);
        assertThat(data.get("title").asText()).isEqualTo("broken streetlight");
    }

    @Autowired
    TestApp.PublisherProbe publisherProbe;
    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;

    @Autowired
    org.pledge.platform.messaging.publish.PublisherDeadLetters deadLetters;
    @Autowired
    org.axonframework.eventhandling.tokenstore.TokenStore tokenStore;

    private org.axonframework.eventhandling.TrackingToken trackingTokenOf(String eventId) {
        try (var stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, java.util.concurrent.TimeUnit.SECONDS)) {
                var event = stream.nextAvailable();
                if (event.getIdentifier().equals(eventId)) {
                    return event.trackingToken();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("event " + eventId + " not found in the event store");
    }

    @Test
    void transientFailure_isRetriedByTheProcessor_pastMaxAttempts_neverSkippedNorParked() {
        String caseId = "case-" + UUID.randomUUID();
        // a permanent failure would be parked at the 4th attempt; a transient one is tried until it passes
        publisherProbe.failuresInjected.set(0);
        publisherProbe.failuresToInject.set(3);

        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "flaky streetlight"));
        String eventId = eventStore.readEvents(caseId).next().getIdentifier();
        org.axonframework.eventhandling.TrackingToken failing = trackingTokenOf(eventId);

        // failed twice, so retried at least once: the stored token is still before it
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> publisherProbe.failuresInjected.get() >= 2);
        var stored = tokenStore.fetchToken(TestApp.PUBLISHER_GROUP, 0);
        assertThat(stored == null || !stored.covers(failing)).as("token %s covers %s", stored, failing).isTrue();

        ConsumerRecord<String, byte[]> record = RawKafka.await(TestApp.OUT_TOPIC,
                r -> caseId.equals(r.key()), Duration.ofSeconds(60));
        assertThat(publisherProbe.failuresInjected.get()).isEqualTo(3);
        assertThat(RawKafka.header(record, "ce_id")).isEqualTo(eventId);
        assertThat(deadLetters.find(eventId)).isNull();
    }

    @Test
    void publisherProcessor_isPooledStreaming_andRefusesReset() {
        var processor = processing.eventProcessor(TestApp.PUBLISHER_GROUP,
                org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.class);

        assertThat(processor).isPresent();
        assertThat(processor.get().supportsReset()).isFalse();
    }

    /** The producer refuses the record (permanent), twice: fewer than max-attempts, so it is retried, not parked. */
    @Test
    void sendRejectedByKafka_failsTheBatch_andIsRetriedByTheProcessor() {
        String caseId = "case-" + UUID.randomUUID();
        publisherProbe.oversizedToInject.set(2);

        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "oversized report"));

        ConsumerRecord<String, byte[]> record = RawKafka.await(TestApp.OUT_TOPIC,
                r -> caseId.equals(r.key()), Duration.ofSeconds(60));
        assertThat(publisherProbe.oversizedInjected.get()).isEqualTo(2);
        assertThat(record.value().length).isLessThan(1024);
    }

    @Test
    void processingGroupThatOptedIn_parksFailingEventsInTheMongoDeadLetterQueue() {
        String caseId = "case-" + UUID.randomUUID();

        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "poison pill"));

        var queue = processing.deadLetterQueue(TestApp.DLQ_GROUP).orElseThrow();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> queue.contains(caseId));
        assertThat(processing.eventProcessor(TestApp.DLQ_GROUP,
                org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor.class)).isPresent();
    }
}
