package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submitted;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithoutCaseId;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.notification.NotificationServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.ServiceApi;
import org.pledge.testsupport.messaging.TestCloudEvents;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Case events reach notification-service's notifications through the real broker and show in its HTTP API: once, however
 * often they are delivered, and a poison message is parked without holding up the next one. Every record goes to
 * partition 0, so a later record's effect proves the earlier ones were consumed.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
class CaseEventsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Test
    void caseSubmitted_requestsOneReceivedNotification_whenDeliveredAgainOrRepublished() {
        String caseId = UUID.randomUUID().toString();
        String firstId = "ce-" + UUID.randomUUID();
        CloudEvent submitted = submitted(firstId, caseId, "PASSPORT", "120.00");
        TestCloudEvents.send(Topics.CASE, 0, submitted);
        TestCloudEvents.send(Topics.CASE, 0, submitted); // the broker delivers it again: same ce_id
        // published again, under a new id
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), caseId, "PASSPORT", "120.00"));
        String marker = UUID.randomUUID().toString();
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), marker, "PASSPORT", "10.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> notificationsOf(marker).size() == 1);
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
        TestCloudEvents.send(Topics.CASE, 0, submittedWithoutCaseId(poisonId));
        String next = UUID.randomUUID().toString();
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), next, "PASSPORT", "120.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> notificationsOf(next).size() == 1);
        Eventually.await("the poison message parked", DELIVERY)
                .until(() -> get("/ops/dead-letters/" + Topics.CASE, "operations").body().contains(poisonId));
    }

    private List<JsonNode> notificationsOf(String caseId) {
        ApiResponse response = get("/api/notifications?caseId=" + caseId, "auditor");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false)
                .filter(notification -> caseId.equals(notification.path("caseId").asText())).toList();
    }

    private ApiResponse get(String path, String role) {
        return ServiceApi.on(port).get(path, TestTokens.get().token(role, role));
    }
}
