package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.pledge.platform.messaging.publish.PublisherDeadLetters;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A poison event on the real broker and event store: parked after three attempts with its reason, the events of other
 * cases published after it, the same case's later event parked behind it, both visible to an operator over HTTP, kept
 * by a replay while the cause remains and published in order by a replay after the fix.
 */
@PlatformIT
class PublisherDeadLettersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TestApp.PublisherProbe probe;
    @Autowired
    PublisherDeadLetters letters;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    private final String operations = TestTokens.get().token("olga", "operations");

    @Test
    void unmappableEvent_isParkedAfterThreeAttempts_laterCasesFlow_itsCaseWaits_andAReplayAfterTheFixPublishesInOrder()
            throws Exception {
        String poisoned = "case-" + UUID.randomUUID();
        String other = "case-" + UUID.randomUUID();
        probe.unmappable.set(true);
        try {
            int failedBefore = probe.unmappableFailed.get();
            commands.sendAndWait(new TestApp.OpenTestCase(poisoned, "unmappable report"));
            commands.sendAndWait(new TestApp.OpenTestCase(other, "behind the poison"));
            String openedId = eventId(poisoned, 0);

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> letters.find(openedId) != null);
            PublisherDeadLetter parked = letters.find(openedId);
            assertThat(parked.state()).isEqualTo(PublisherDeadLetter.State.FAILED);
            assertThat(parked.reason()).isEqualTo("IllegalStateException: no contract for test case " + poisoned);
            assertThat(parked.attempts()).isEqualTo(3);
            assertThat(probe.unmappableFailed.get() - failedBefore).as("mapped 3 times, parked before a 4th")
                    .isEqualTo(3);
            assertThat(parked.aggregateType()).isEqualTo("TestCase");
            assertThat(parked.sequenceKey()).isEqualTo(poisoned);
            assertThat(parked.sequenceNumber()).isZero();
            assertThat(parked.globalIndex()).isNotNull();

            // the stream moved on: the next case is on Kafka and the publisher's token is past both
            RawKafka.await(TestApp.OUT_TOPIC, r -> other.equals(r.key()), Duration.ofSeconds(30));
            TrackingToken otherToken = trackingTokenOf(eventId(other, 0));
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> tokenStore.fetchToken(TestApp.PUBLISHER_GROUP, 0).covers(otherToken));

            // a later event of the same case waits behind it, although it maps fine
            commands.sendAndWait(new TestApp.AddTestNotes(poisoned, 1));
            String noteId = eventId(poisoned, 1);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> letters.find(noteId) != null);
            assertThat(letters.find(noteId).state()).isEqualTo(PublisherDeadLetter.State.WAITING);
            assertThat(RawKafka.present(TestApp.OUT_TOPIC, r -> poisoned.equals(r.key()))).isEmpty();

            // an operator sees both, oldest first, and the gauge counts them
            JsonNode listed = getJson("/ops/dead-letters/outbound?key=" + poisoned);
            assertThat(listed).hasSize(2);
            assertThat(listed.get(0).path("eventId").asText()).isEqualTo(openedId);
            assertThat(listed.get(0).path("state").asText()).isEqualTo("FAILED");
            assertThat(listed.get(0).path("reason").asText()).contains("no contract for test case");
            assertThat(listed.get(0).path("attempts").asInt()).isEqualTo(3);
            assertThat(listed.get(0).path("aggregateType").asText()).isEqualTo("TestCase");
            assertThat(listed.get(0).path("payloadType").asText()).endsWith("TestCaseOpened");
            assertThat(listed.get(0).path("parkedAt").asText()).endsWith("Z");
            assertThat(listed.get(1).path("eventId").asText()).isEqualTo(noteId);
            assertThat(listed.get(1).path("state").asText()).isEqualTo("WAITING");
            assertThat(getJson("/ops/dead-letters/outbound")).anySatisfy(
                    l -> assertThat(l.path("eventId").asText()).isEqualTo(openedId));
            assertThat(gauge("failed")).isGreaterThanOrEqualTo(1.0);
            assertThat(gauge("waiting")).isGreaterThanOrEqualTo(1.0);

            // a replay while the cause remains keeps both parked
            JsonNode stillBroken = postJson("/ops/dead-letters/outbound/replay?key=" + poisoned);
            assertThat(stillBroken.path("replayed").asInt()).isZero();
            assertThat(stillBroken.path("failed").asInt()).isEqualTo(1);
            assertThat(stillBroken.path("stillParked").asInt()).isEqualTo(2);
            assertThat(letters.find(openedId).attempts()).isEqualTo(4);
            assertThat(letters.find(noteId).state()).isEqualTo(PublisherDeadLetter.State.WAITING);
            assertThat(RawKafka.present(TestApp.OUT_TOPIC, r -> poisoned.equals(r.key()))).isEmpty();
        } finally {
            probe.unmappable.set(false);
        }

        // after the fix a replay publishes both, in order, with their event ids
        JsonNode fixed = postJson("/ops/dead-letters/outbound/replay?key=" + poisoned);
        assertThat(fixed.path("replayed").asInt()).isEqualTo(2);
        assertThat(fixed.path("failed").asInt()).isZero();
        assertThat(fixed.path("stillParked").asInt()).isZero();
        List<ConsumerRecord<String, byte[]>> published = RawKafka.awaitAll(TestApp.OUT_TOPIC,
                r -> poisoned.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(published).extracting(r -> RawKafka.header(r, "ce_id"))
                .containsExactly(eventId(poisoned, 0), eventId(poisoned, 1));
        assertThat(published).extracting(r -> RawKafka.header(r, "ce_type"))
                .containsExactly("pledge.test.opened.v1", "pledge.test.note-added.v1");
        assertThat(getJson("/ops/dead-letters/outbound?key=" + poisoned)).isEmpty();
    }

    @Test
    void outboundDeadLetters_needTheOperationsRole_andABadKeyIsAProblem() throws Exception {
        HttpResponse<String> caseworker = send(HttpRequest.newBuilder(uri("/ops/dead-letters/outbound"))
                .header("Authorization", "Bearer " + TestTokens.get().token("cathy", "caseworker")).GET());
        assertThat(caseworker.statusCode()).isEqualTo(403);

        HttpResponse<String> blank = send(HttpRequest.newBuilder(uri("/ops/dead-letters/outbound/replay?key=%20"))
                .header("Authorization", "Bearer " + operations).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(blank.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:pledge:problem:dead-letters.invalid-key");
        assertThat(problem.path("code").asText()).isEqualTo("dead-letters.invalid-key");

        JsonNode nothing = postJson("/ops/dead-letters/outbound/replay?key=case-never-parked");
        assertThat(nothing.path("replayed").asInt()).isZero();
        assertThat(nothing.path("failed").asInt()).isZero();
        assertThat(nothing.path("stillParked").asInt()).isZero();
    }

    private String eventId(String caseId, long sequence) {
        return eventStore.readEvents(caseId, 0).asStream()
                .filter(e -> e.getSequenceNumber() == sequence).findFirst()
                .map(DomainEventMessage::getIdentifier).orElseThrow();
    }

    private double gauge(String state) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                .header("Authorization", "Bearer " + operations).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("(?m)^pledge_publisher_dead_letters\\{[^}]*state=\"" + state + "\"[^}]*} (\\S+)$")
                .matcher(response.body());
        assertThat(m.find()).as("gauge for %s in %s", state, response.body().lines()
                .filter(l -> l.contains("dead_letters")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + operations).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode postJson(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + operations).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private TrackingToken trackingTokenOf(String eventId) {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
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
