package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submitted;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithoutCaseId;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * Case events reach notification-service's notifications through the real broker and show in its HTTP API: one per
 * (event, rule, recipient), however often the event is delivered, and a poison message is parked without holding up the
 * next one. Every record goes to partition 0, so a later record's effect proves the earlier ones were consumed.
 */
class CaseEventsIT extends NotificationServiceITSupport {

    @Test
    void caseSubmitted_requestsOneNotificationPerRule_whenDeliveredAgain_andAnotherEventIsAnotherNotification() {
        String caseId = UUID.randomUUID().toString();
        String firstId = ceId();
        CloudEvent submitted = submitted(firstId, caseId, "PASSPORT", "120.00");
        sendCaseEvent(submitted);
        sendCaseEvent(submitted); // the broker delivers it again: same ce_id
        String marker = UUID.randomUUID().toString();
        sendCaseEvent(submitted(ceId(), marker, "PASSPORT", "10.00"));

        awaitNotifications(marker, list -> list.size() == 1);
        List<JsonNode> notifications = notificationsOf(caseId);
        assertThat(notifications).hasSize(1);
        JsonNode requested = notifications.get(0);
        // the seeded rule "case-submitted" sends template "case-submitted" to the applicant, ref-1
        assertThat(requested.path("id").asText()).isEqualTo(NotificationIds.of(firstId, "case-submitted", "ref-1"));
        assertThat(requested.path("trigger").asText()).isEqualTo("CASE_SUBMITTED");
        assertThat(requested.path("ruleId").asText()).isEqualTo("case-submitted");
        assertThat(requested.path("templateId").asText()).isEqualTo("case-submitted");
        assertThat(requested.path("triggeredBy").asText()).isEqualTo(firstId);
        assertThat(requested.path("sourceEventType").asText()).isEqualTo("pledge.case.submitted.v1");
        assertThat(requested.path("requestedAt").asText()).isNotBlank();

        // the same submission published as another event (another ce_id) is another event: its own notification
        sendCaseEvent(submitted(ceId(), caseId, "PASSPORT", "120.00"));
        awaitNotifications(caseId, list -> list.size() == 2);
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
