package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.notification.NotificationServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.messaging.TestCloudEvents;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Test
    void caseSubmitted_requestsOneReceivedNotification_whenDeliveredAgainOrRepublished() {
        String caseId = UUID.randomUUID().toString();
        String firstId = "ce-" + UUID.randomUUID();
        CloudEvent submitted = submitted(firstId, caseId, "120.00");
        TestCloudEvents.send(Topics.CASE, 0, submitted);
        TestCloudEvents.send(Topics.CASE, 0, submitted); // the broker delivers it again: same ce_id
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), caseId, "120.00")); // published again
        String marker = UUID.randomUUID().toString();
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), marker, "10.00"));

        await().atMost(DELIVERY).until(() -> notificationsOf(marker).size() == 1);
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
        // no caseId: violates the schema, so no retry can handle it
        TestCloudEvents.send(Topics.CASE, 0, new CloudEvent(poisonId, "pledge.case.submitted.v1", "/pledge/case-service",
                "poison", "{\"serviceType\":\"PASSPORT\"}"));
        String next = UUID.randomUUID().toString();
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), next, "120.00"));

        await().atMost(DELIVERY).until(() -> notificationsOf(next).size() == 1);
        await().atMost(DELIVERY).until(() -> get("/ops/dead-letters/" + Topics.CASE, "operations").getBody().contains(poisonId));
    }

    private List<JsonNode> notificationsOf(String caseId) {
        ResponseEntity<String> response = get("/api/notifications?caseId=" + caseId, "auditor");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        try {
            return StreamSupport.stream(JSON.readTree(response.getBody()).spliterator(), false)
                    .filter(notification -> caseId.equals(notification.path("caseId").asText())).toList();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private ResponseEntity<String> get(String path, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.get().token(role, role));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static CloudEvent submitted(String ceId, String caseId, String fee) {
        return new CloudEvent(ceId, "pledge.case.submitted.v1", "/pledge/case-service", caseId, """
                {"caseId":"%s","serviceType":"PASSPORT","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","submittedAt":"2025-03-03T14:00:00Z","deadline":"2025-03-17T14:00:00Z",
                 "applicant":{"name":"Marie Tremblay","email":"marie@example.org"},
                 "fee":{"amount":"%s","currency":"CAD"}}""".formatted(caseId, fee));
    }
}
