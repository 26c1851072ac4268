package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submitted;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithoutCaseId;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.feedback.FeedbackServiceApplication;
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
 * Case events reach feedback-service's survey invitations through the real broker and show in its HTTP API: once, however
 * often they are delivered, and a poison message is parked without holding up the next one. Every record goes to
 * partition 0, so a later record's effect proves the earlier ones were consumed.
 */
@SpringBootTest(classes = FeedbackServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
class CaseEventsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Test
    void caseSubmitted_isCountedOnce_whenDeliveredAgainOrRepublished() {
        // a service type of this test's own, so that the summary's count for it is this test's alone
        String type = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
        String caseId = UUID.randomUUID().toString();
        CloudEvent submitted = submitted("ce-" + UUID.randomUUID(), caseId, type, "120.00");
        TestCloudEvents.send(Topics.CASE, 0, submitted);
        TestCloudEvents.send(Topics.CASE, 0, submitted); // the broker delivers it again: same ce_id
        // published again, under a new id
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), caseId, type, "120.00"));
        String markerType = type + "-M";
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), markerType, "120.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> countOf(markerType) == 1);
        assertThat(countOf(type)).isEqualTo(1);
    }

    @Test
    void poisonMessage_isParked_withoutBlockingTheNextCase() {
        String poisonId = "poison-" + UUID.randomUUID();
        TestCloudEvents.send(Topics.CASE, 0, submittedWithoutCaseId(poisonId));
        String nextType = "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(java.util.Locale.ROOT);
        TestCloudEvents.send(Topics.CASE, 0, submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), nextType, "120.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> countOf(nextType) == 1);
        Eventually.await("the poison message parked", DELIVERY)
                .until(() -> get("/ops/dead-letters/" + Topics.CASE, "operations").body().contains(poisonId));
    }

    private long countOf(String serviceType) {
        ApiResponse response = get("/api/feedback/summary", "operations");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("casesByServiceType").path(serviceType).asLong();
    }

    private ApiResponse get(String path, String role) {
        return ServiceApi.on(port).get(path, TestTokens.get().token(role, role));
    }
}
