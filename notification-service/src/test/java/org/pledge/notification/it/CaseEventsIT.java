package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submitted;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithoutCaseId;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * Case events reach notification-service's notifications through the real broker and show in its HTTP API: once, however
 * often they are delivered, and a poison message is parked without holding up the next one. Every record goes to
 * partition 0, so a later record's effect proves the earlier ones were consumed.
 */
class CaseEventsIT extends NotificationServiceITSupport {

    @Test
    void caseSubmitted_requestsOneReceivedNotification_whenDeliveredAgainOrRepublished() {
        String caseId = UUID.randomUUID().toString();
        String firstId = ceId();
        CloudEvent submitted = submitted(firstId, caseId, "PASSPORT", "120.00");
        sendCaseEvent(submitted);
        sendCaseEvent(submitted); // the broker delivers it again: same ce_id
        // published again, under a new id
        sendCaseEvent(submitted(ceId(), caseId, "PASSPORT", "120.00"));
        String marker = UUID.randomUUID().toString();
        sendCaseEvent(submitted(ceId(), marker, "PASSPORT", "10.00"));

        awaitNotifications(marker, list -> list.size() == 1);
        List<JsonNode> notifications = notificationsOf(caseId);
        assertThat(notifications).hasSize(1);
        JsonNode received = notifications.get(0);
        assertThat(received.path("id").asText()).isEqualTo("CASE_RECEIVED:" + caseId);
        assertThat(received.path("kind").asText()).isEqualTo("CASE_RECEIVED");
        assertThat(received.path("status").asText()).isEqualTo("PENDING");
        assertThat(received.path("language").asText()).isEqualTo("fr-CA");
        assertThat(received.path("preferredChannel").asText()).isEqualTo("EMAIL");
        assertThat(received.path("triggeredBy").asText()).isEqualTo(firstId);
        assertThat(received.path("recordedAt").asText()).isNotBlank();
    }

    @Test
    void poisonMessage_isParked_withoutBlockingTheNextCase() {
        String poisonId = "poison-" + UUID.randomUUID();
        sendCaseEvent(submittedWithoutCaseId(poisonId));
        String next = UUID.randomUUID().toString();
        sendCaseEvent(submitted(ceId(), next, "PASSPORT", "120.00"));

        awaitNotifications(next, list -> list.size() == 1);
        Eventually.await("the poison message parked", DELIVERY)
                .until(() -> get("/ops/dead-letters/" + Topics.CASE, operationsToken()).body().contains(poisonId));
    }
}
