package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.NotificationEventSamples.deliveredByEmail;
import static org.pledge.testsupport.messaging.NotificationEventSamples.deliveredWithoutChannel;
import static org.pledge.testsupport.messaging.NotificationEventSamples.failedEverywhere;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.messaging.TestCloudEvents;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * What notification-service told a client shows in the case's history: recorded {@code pledge.notification.v1} messages
 * through the real broker, once however often they arrive, on open and closed cases; a message for an unknown case and
 * one that breaks its schema are parked on the dead-letter topic without holding up the next. Every record goes to
 * partition 0, so a later record's effect proves the earlier ones were consumed.
 */
class ClientNotifiedHistoryIT extends CaseServiceITSupport {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final String TOLD_AT = "2026-03-02T14:00:03Z";

    @Test
    void delivered_showsInTheHistory_once_whenDeliveredAgainOrRepublished() {
        String caseId = submit("PASSPORT", Map.of());
        String notificationId = UUID.randomUUID().toString();
        CloudEvent delivered = deliveredByEmail("ce-" + UUID.randomUUID(), caseId, notificationId, TOLD_AT);
        send(delivered);
        send(delivered); // the broker delivers it again: same ce_id
        send(deliveredByEmail("ce-" + UUID.randomUUID(), caseId, notificationId, TOLD_AT)); // republished under a new id
        String failedId = UUID.randomUUID().toString();
        String failedCe = "ce-" + UUID.randomUUID();
        send(failedEverywhere(failedCe, caseId, failedId, "2026-03-20T16:00:00Z"));

        List<JsonNode> history = awaitHistory(caseId, h -> entries(h, "ClientNotificationFailed").size() == 1);

        List<JsonNode> told = entries(history, "ClientNotified");
        assertThat(told).hasSize(1);
        JsonNode entry = told.get(0);
        assertThat(entry.path("actor").asText()).isEqualTo("notification-service");
        assertThat(entry.path("client").asText()).isEqualTo(Topics.NOTIFICATION);
        assertThat(entry.path("correlationId").asText()).isEqualTo(delivered.id());
        JsonNode details = entry.path("details");
        assertThat(details.path("notificationId").asText()).isEqualTo(notificationId);
        assertThat(details.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(details.path("language").asText()).isEqualTo("fr-CA");
        assertThat(details.path("templateId").asText()).isEqualTo("case-submitted");
        assertThat(details.path("sourceEventType").asText()).isEqualTo("pledge.case.submitted.v1");
        assertThat(details.path("deliveredAt").asText()).isEqualTo(TOLD_AT);
        assertThat(details.has("applicantReference")).isFalse();

        JsonNode failed = entries(history, "ClientNotificationFailed").get(0);
        assertThat(failed.path("correlationId").asText()).isEqualTo(failedCe);
        assertThat(failed.path("details").path("notificationId").asText()).isEqualTo(failedId);
        assertThat(failed.path("details").path("reason").asText()).isEqualTo("address-rejected");
        assertThat(failed.path("details").path("channelsTried").toString()).isEqualTo("[\"EMAIL\",\"LETTER\"]");
        assertThat(failed.path("details").path("failedAt").asText()).isEqualTo("2026-03-20T16:00:00Z");
        // nothing of the case changed: still submitted, same deadline
        assertThat(get("/api/cases/" + caseId, caseworkerToken()).json().path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void delivered_showsInTheHistory_ofAClosedCase() {
        String caseId = submit("PASSPORT", Map.of());
        ApiResponse withdrawn = transition(caseId, "withdrawal", channelToken(), "{\"reason\":\"no longer needed\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);

        send(deliveredByEmail("ce-" + UUID.randomUUID(), caseId, UUID.randomUUID().toString(), TOLD_AT));

        List<JsonNode> history = awaitHistory(caseId, h -> entries(h, "ClientNotified").size() == 1);
        assertThat(history.get(history.size() - 1).path("type").asText()).isEqualTo("ClientNotified");
        assertThat(get("/api/cases/" + caseId, caseworkerToken()).json().path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void messagesForAnUnknownCaseOrBreakingTheSchema_areParked_withoutBlockingTheNext() {
        String unknownCe = "ce-unknown-" + UUID.randomUUID();
        send(deliveredByEmail(unknownCe, "no-such-case-" + UUID.randomUUID(), UUID.randomUUID().toString(), TOLD_AT));
        String poisonCe = "ce-poison-" + UUID.randomUUID();
        send(deliveredWithoutChannel(poisonCe, "case-poison"));
        String caseId = submit("PASSPORT", Map.of());
        send(deliveredByEmail("ce-" + UUID.randomUUID(), caseId, UUID.randomUUID().toString(), TOLD_AT));

        awaitHistory(caseId, h -> entries(h, "ClientNotified").size() == 1);
        Eventually.await("both parked", DELIVERY).until(() -> {
            String parked = get("/ops/dead-letters/" + Topics.NOTIFICATION, operationsToken()).body();
            return parked.contains(unknownCe) && parked.contains(poisonCe);
        });
    }

    // --- helpers

    private static void send(CloudEvent event) {
        TestCloudEvents.send(Topics.NOTIFICATION, 0, event);
    }

    private List<JsonNode> awaitHistory(String caseId, java.util.function.Predicate<List<JsonNode>> until) {
        @SuppressWarnings("unchecked")
        List<JsonNode>[] last = new List[1];
        Eventually.await("the history of " + caseId, DELIVERY).until(() -> {
            ApiResponse response = get("/api/cases/" + caseId + "/history", caseworkerToken());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            last[0] = StreamSupport.stream(response.json().spliterator(), false).toList();
            return until.test(last[0]);
        });
        return last[0];
    }

    private static List<JsonNode> entries(List<JsonNode> history, String type) {
        return history.stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }
}
