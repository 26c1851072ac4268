package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pledge.platform.messaging.publish.PublisherDeadLetter;
import org.pledge.platform.messaging.publish.PublisherDeadLetterReplay;
import org.pledge.platform.messaging.publish.PublisherDeadLetters;
import org.pledge.testsupport.PledgeInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;

/** The publisher sends a batch asynchronously and waits once; what that must not change. */
@PlatformIT
class BatchedPublishingIT {

    /** Every header a published record carries, exactly as with one synchronous send per event. */
    static final Set<String> WIRE_HEADERS = Set.of("ce_id", "ce_type", "ce_source", "ce_time", "ce_subject",
            "ce_specversion", "content-type", "contentType", "message-type", "target-protocol",
            "spring_json_header_types");

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    TestApp.PublisherProbe publisherProbe;
    @Autowired
    PublisherDeadLetters deadLetters;
    @Autowired
    PublisherDeadLetterReplay replay;

    @Test
    void batchOfManyEvents_isPublishedInOrder_withIdsAndHeadersIntact() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        commands.sendAndWait(new TestApp.OpenTestCase(caseId, "many notes"));
        commands.sendAndWait(new TestApp.AddTestNotes(caseId, 250));
        // from sequence 0: past the snapshot threshold readEvents(id) would start at a snapshot
        List<? extends DomainEventMessage<?>> stored = eventStore.readEvents(caseId, 0).asStream().toList();
        assertThat(stored).hasSize(251);

        List<ConsumerRecord<String, byte[]>> records = RawKafka.awaitAll(TestApp.OUT_TOPIC,
                r -> caseId.equals(r.key()), stored.size(), Duration.ofSeconds(60));

        assertThat(records).extracting(r -> RawKafka.header(r, "ce_id"))
                .containsExactlyElementsOf(stored.stream().map(DomainEventMessage::getIdentifier).toList());
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Set<String> keys = new java.util.HashSet<>();
            record.headers().forEach(h -> keys.add(h.key()));
            assertThat(keys).isEqualTo(WIRE_HEADERS);
            Map<String, String> jsonTypes = objectMapper.readValue(
                    RawKafka.header(record, "spring_json_header_types"), new TypeReference<>() { });
            assertThat(jsonTypes.keySet()).containsExactlyInAnyOrderElementsOf(
                    WIRE_HEADERS.stream().filter(h -> !h.equals("spring_json_header_types")).toList());
            assertThat(RawKafka.header(record, "ce_subject")).isEqualTo(caseId);
            assertThat(RawKafka.header(record, "ce_source")).isEqualTo("/pledge/platform-it");
            assertThat(Instant.parse(RawKafka.header(record, "ce_time"))).isEqualTo(stored.get(i).getTimestamp());
            if (i > 0) {
                assertThat(RawKafka.header(record, "ce_type")).isEqualTo("pledge.test.note-added.v1");
                JsonNode data = objectMapper.readTree(record.value());
                assertThat(data.get("number").asInt()).isEqualTo(i);
            }
        }
    }

    /**
     * The broker refuses the record for good (larger than the topic's {@code max.message.bytes}; the producer's own
     * limit lets it go). While the processor retries the batch the token stays before it; after three attempts it is
     * parked with the broker's reason and the events behind it go out; once the cause is gone, a replay publishes it.
     * (A transient failure is retried for as long as it lasts: PublishingIT.)
     */
    @Test
    void recordTheBrokerRefuses_keepsTheTokenBeforeIt_whileRetried_thenIsParked_andTheEventsBehindItGoOut()
            throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String followerId = "case-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                PledgeInfrastructure.get().kafkaBootstrapServers()))) {
            // the broker refuses records over 4 KiB on this topic; the producer's own limit (1 MiB) lets them go
            narrowTopicConfig(admin, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "4096");
            int mappedBefore = publisherProbe.narrowMapped.get();
            String eventId;
            try {
                commands.sendAndWait(new TestApp.OpenTestCase(caseId, "narrow " + "x".repeat(8000)));
                commands.sendAndWait(new TestApp.OpenTestCase(followerId, "behind the narrow one"));
                eventId = eventStore.readEvents(caseId).next().getIdentifier();
                TrackingToken rejected = trackingTokenOf(eventId);

                // mapped a second time: the batch failed and the processor is retrying it
                Awaitility.await().atMost(Duration.ofSeconds(60))
                        .until(() -> publisherProbe.narrowMapped.get() >= mappedBefore + 2);
                TrackingToken storedWhileFailing = tokenStore.fetchToken(TestApp.PUBLISHER_GROUP, 0);
                assertThat(storedWhileFailing == null || !storedWhileFailing.covers(rejected))
                        .as("stored token %s must not cover the rejected event %s", storedWhileFailing, rejected)
                        .isTrue();

                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.find(eventId) != null);
                PublisherDeadLetter parked = deadLetters.find(eventId);
                assertThat(parked.state()).isEqualTo(PublisherDeadLetter.State.FAILED);
                assertThat(parked.reason()).startsWith("RecordTooLargeException: ");
                assertThat(parked.attempts()).isEqualTo(3);
                assertThat(publisherProbe.narrowMapped.get()).isEqualTo(mappedBefore + 3);
                RawKafka.await(TestApp.OUT_TOPIC, r -> followerId.equals(r.key()), Duration.ofSeconds(30));
                TrackingToken follower = trackingTokenOf(eventStore.readEvents(followerId).next().getIdentifier());
                Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> tokenStore.fetchToken(TestApp.PUBLISHER_GROUP, 0).covers(follower));
            } finally {
                narrowTopicConfig(admin, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(1024 * 1024 + 12));
            }

            assertThat(replay.replay(caseId)).isEqualTo(new PublisherDeadLetterReplay.ReplayResult(1, 0, 0));
            ConsumerRecord<String, byte[]> record = RawKafka.await(TestApp.NARROW_TOPIC,
                    r -> caseId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(RawKafka.header(record, "ce_id")).isEqualTo(eventId);
        }
    }

    private static void narrowTopicConfig(Admin admin, String name, String value)
            throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(new NewTopic(TestApp.NARROW_TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TestApp.NARROW_TOPIC);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(new ConfigEntry(name, value),
                AlterConfigOp.OpType.SET)))).all().get();
    }

    private TrackingToken trackingTokenOf(String eventId) {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, java.util.concurrent.TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.getIdentifier().equals(eventId)) {
                    return event.trackingToken();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("event " + eventId + " not found in the event store");
    }
}
