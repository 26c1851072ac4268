package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.feedback.FeedbackServiceApplication;
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
 * Case events reach feedback-service's survey invitations through the real broker and show in its HTTP API: once, however
 * often they are delivered, and a poison message is parked without holding up the next one. Every record goes to
 * partition 0, so a later record's effect proves the earlier ones were consumed.
 */
@SpringBootTest(classes = FeedbackServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
class CaseEventsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Test
    void caseSubmitted_isCountedOnce_whenDeliveredAgainOrRepublished() {
        // a service type of this test's own, so that the summary's count for it is this test's alone
        String type = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
        String caseId = UUID.randomUUID().toString();
        CloudEvent submitted = submitted("ce-" + UUID.randomUUID(), caseId, type);
        TestCloudEvents.send(Topics.CASE, 0, submitted);
        TestCloudEvents.send(Topics.CASE, 0, submitted); // the broker delivers it again: same ce_id
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), caseId, type)); // published again
        String markerType = type + "-M";
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), markerType));

        await().atMost(DELIVERY).until(() -> countOf(markerType) == 1);
        assertThat(countOf(type)).isEqualTo(1);
    }

    @Test
    void poisonMessage_isParked_withoutBlockingTheNextCase() {
        String poisonId = "poison-" + UUID.randomUUID();
        // no caseId: violates the schema, so no retry can handle it
        TestCloudEvents.send(Topics.CASE, 0, new CloudEvent(poisonId, "pledge.case.submitted.v1", "/pledge/case-service",
                "poison", "{\"serviceType\":\"PASSPORT\"}"));
        String nextType = "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), nextType));

        await().atMost(DELIVERY).until(() -> countOf(nextType) == 1);
        await().atMost(DELIVERY).until(() -> get("/ops/dead-letters/" + Topics.CASE, "operations").getBody().contains(poisonId));
    }

    private long countOf(String serviceType) {
        ResponseEntity<String> response = get("/api/feedback/summary", "operations");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        try {
            return JSON.readTree(response.getBody()).path("casesByServiceType").path(serviceType).asLong();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private ResponseEntity<String> get(String path, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.get().token(role, role));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static CloudEvent submitted(String ceId, String caseId, String serviceType) {
        return new CloudEvent(ceId, "pledge.case.submitted.v1", "/pledge/case-service", caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"ref-1","language":"fr-CA",
                 "preferredChannel":"EMAIL","submittedAt":"2025-03-03T14:00:00Z","deadline":"2025-03-17T14:00:00Z",
                 "applicant":{"name":"Marie Tremblay","email":"marie@example.org"},
                 "fee":{"amount":"120.00","currency":"CAD"}}""".formatted(caseId, serviceType));
    }
}
