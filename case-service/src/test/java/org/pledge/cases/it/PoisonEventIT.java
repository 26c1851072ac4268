package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.CaseIds;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.await.Eventually;

/**
 * A poison event, put into the event store directly (no API would let it in): a case event of a case that has no
 * submission, which {@code CaseIntegrationEvents} cannot map. The publisher parks it with its reason, an operator sees
 * it over HTTP, a case submitted afterwards still reaches {@code pledge.case.v1}, and a replay answers that it failed
 * again and leaves it parked.
 */
class PoisonEventIT extends CaseServiceITSupport {

    @Autowired
    EventStore eventStore;

    @Test
    void caseEventWithoutItsSubmission_isParkedWithItsReason_laterCasesArePublished_andAReplayKeepsItParked() {
        String poisoned = UUID.randomUUID().toString();
        GenericDomainEventMessage<CaseWorkStartedEvent> poison = new GenericDomainEventMessage<>(CaseIds.AGGREGATE_TYPE,
                poisoned, 0, new CaseWorkStartedEvent(poisoned, Instant.now()));
        eventStore.publish(poison);

        JsonNode letter = awaitOutboundLetter(poison.getIdentifier());
        assertThat(letter.path("state").asText()).isEqualTo("FAILED");
        assertThat(letter.path("reason").asText())
                .isEqualTo("IllegalStateException: no submission for case " + poisoned);
        assertThat(letter.path("attempts").asInt()).isEqualTo(3);
        assertThat(letter.path("sequenceKey").asText()).isEqualTo(poisoned);
        assertThat(letter.path("aggregateType").asText()).isEqualTo("CaseAggregate");
        assertThat(letter.path("sequenceNumber").asLong()).isZero();
        assertThat(letter.path("payloadType").asText()).isEqualTo(CaseWorkStartedEvent.class.getName());

        String later = submit("PASSPORT", Map.of());
        List<ConsumerRecord<String, byte[]>> published = CaseTopic.await(later, 1);
        assertThat(CaseTopic.types(published)).containsExactly("pledge.case.submitted.v1");

        ApiResponse replay = post("/ops/dead-letters/outbound/replay?key=" + poisoned, operationsToken(), null, Map.of());
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("replayed").asInt()).isZero();
        assertThat(replay.json().path("failed").asInt()).isEqualTo(1);
        assertThat(replay.json().path("stillParked").asInt()).isEqualTo(1);
        JsonNode afterReplay = awaitOutboundLetter(poison.getIdentifier());
        assertThat(afterReplay.path("state").asText()).isEqualTo("FAILED");
        assertThat(afterReplay.path("attempts").asInt()).isEqualTo(4);
        assertThat(afterReplay.path("reason").asText()).contains("no submission for case");
    }

    @Test
    void outboundDeadLetters_areForOperations_notForCaseworkers() {
        assertThat(get("/ops/dead-letters/outbound", caseworkerToken()).status()).isEqualTo(403);
        assertThat(get("/ops/dead-letters/outbound", null).status()).isEqualTo(401);
        ApiResponse listed = get("/ops/dead-letters/outbound", operationsToken());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().isArray()).isTrue();
    }

    /** The operator's view of one parked event, over HTTP; waits up to 60 s for it to be parked. */
    private JsonNode awaitOutboundLetter(String eventId) {
        return Eventually.await("event " + eventId + " parked", Duration.ofSeconds(60)).until(() -> {
            ApiResponse listing = get("/ops/dead-letters/outbound", operationsToken());
            assertThat(listing.status()).as(listing.body()).isEqualTo(200);
            for (JsonNode letter : listing.json()) {
                if (eventId.equals(letter.path("eventId").asText())) {
                    return letter;
                }
            }
            return null;
        }, letter -> letter != null);
    }
}
