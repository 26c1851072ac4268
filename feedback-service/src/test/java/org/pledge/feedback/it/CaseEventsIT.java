package org.pledge.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submitted;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithoutCaseId;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * Case events reach feedback-service's survey invitations through the real broker and show in its HTTP API: once, however
 * often they are delivered, and a poison message is parked without holding up the next one. Every record goes to
 * partition 0, so a later record's effect proves the earlier ones were consumed.
 */
class CaseEventsIT extends FeedbackServiceITSupport {

    @Test
    void caseSubmitted_isCountedOnce_whenDeliveredAgainOrRepublished() {
        // a service type of this test's own, so that the summary's count for it is this test's alone
        String type = freshServiceType("T");
        String caseId = UUID.randomUUID().toString();
        CloudEvent submitted = submitted("ce-" + UUID.randomUUID(), caseId, type, "120.00");
        sendCaseEvent(submitted);
        sendCaseEvent(submitted); // the broker delivers it again: same ce_id
        // published again, under a new id
        sendCaseEvent(submitted("ce-" + UUID.randomUUID(), caseId, type, "120.00"));
        String markerType = type + "-M";
        sendCaseEvent(submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), markerType, "120.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> countOf(markerType) == 1);
        assertThat(countOf(type)).isEqualTo(1);
    }

    @Test
    void poisonMessage_isParked_withoutBlockingTheNextCase() {
        String poisonId = "poison-" + UUID.randomUUID();
        sendCaseEvent(submittedWithoutCaseId(poisonId));
        String nextType = freshServiceType("N");
        sendCaseEvent(submitted("ce-" + UUID.randomUUID(), UUID.randomUUID().toString(), nextType, "120.00"));

        Eventually.await("case events consumed", DELIVERY).until(() -> countOf(nextType) == 1);
        Eventually.await("the poison message parked", DELIVERY)
                .until(() -> get("/ops/dead-letters/" + Topics.CASE, operationsToken()).body().contains(poisonId));
    }

    private long countOf(String serviceType) {
        ApiResponse response = get("/api/feedback/summary", operationsToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("casesByServiceType").path(serviceType).asLong();
    }
}
