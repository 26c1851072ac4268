package org.pledge.guarantee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.breached;
import static org.pledge.testsupport.messaging.CaseEventSamples.resolved;
import static org.pledge.testsupport.messaging.CaseEventSamples.submitted;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithPayment;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithoutCaseId;

import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * Case events reach guarantee-service's claims through the real broker and show in its HTTP API: once, however often
 * and in whatever order they are delivered; a poison message is parked without holding up the next one. Then finance
 * decides over HTTP with real tokens (four eyes), and the channel gives payout details. Every record goes to partition
 * 0, so a later record's effect proves the earlier ones were consumed.
 */
class CaseEventsIT extends GuaranteeServiceITSupport {

    @Test
    void caseSubmitted_recordsTheFeeOnce_whenDeliveredAgainOrRepublished() {
        String caseId = UUID.randomUUID().toString();
        CloudEvent first = submitted(ceId(), caseId, "PASSPORT", "120.00");
        sendCaseEvent(first);
        sendCaseEvent(first); // the broker delivers it again: same ce_id
        sendCaseEvent(submitted(ceId(), caseId, "PASSPORT", "999.00")); // published again, under a new id

        JsonNode claim = awaitClaim(caseId, c -> "WATCHING".equals(c.path("status").asText()));
        String marker = UUID.randomUUID().toString();
        sendCaseEvent(submitted(ceId(), marker, "PASSPORT", "10.00"));
        awaitClaim(marker, c -> true);

        claim = get("/api/claims/" + claimOf(caseId), financeToken()).json();
        assertThat(claim.path("fee").path("amount").asText()).isEqualTo("120.00");
        assertThat(claim.path("fee").path("currency").asText()).isEqualTo("CAD");
        assertThat(steps(claim, "fee-recorded")).isEqualTo(1);
    }

    @Test
    void breach_opensTheClaimOnce_whateverIsRedelivered_andTheResolutionFixesTheAmount() {
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(submittedWithPayment(ceId(), caseId, "PASSPORT", "120.00", "pay-" + caseId));
        CloudEvent breach = breached(ceId(), caseId, "PASSPORT", "120.00");
        sendCaseEvent(breach);
        sendCaseEvent(breach);
        sendCaseEvent(breached(ceId(), caseId, "PASSPORT", "120.00"));
        sendCaseEvent(resolved(ceId(), caseId, "PASSPORT", "APPROVED", 12, null));
        sendCaseEvent(resolved(ceId(), caseId, "PASSPORT", "APPROVED", 12, null));

        // 12 business days late: 50 % of 120.00 = 60.00, above the auto-approval limit (50.00): one approval
        JsonNode claim = awaitClaim(caseId, c -> "AWAITING_APPROVAL".equals(c.path("status").asText()));
        assertThat(claim.path("amount").path("amount").asText()).isEqualTo("60.00");
        assertThat(claim.path("percent").asText()).isEqualTo("50");
        assertThat(claim.path("latenessBusinessDays").asInt()).isEqualTo(12);
        assertThat(claim.path("approvalsRequired").asInt()).isEqualTo(1);
        assertThat(claim.path("policyVersion").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(claim.path("paymentReferencePresent").asBoolean()).isTrue();

        String marker = UUID.randomUUID().toString();
        sendCaseEvent(submitted(ceId(), marker, "PASSPORT", "10.00"));
        awaitClaim(marker, c -> true);
        claim = get("/api/claims/" + claimOf(caseId), auditorToken()).json();
        assertThat(steps(claim, "opened")).isEqualTo(1);
        assertThat(steps(claim, "decided")).isEqualTo(1);
    }

    @Test
    void resolution_isAppliedOnceTheBreachArrives_whenItComesBeforeTheBreach() {
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(resolved(ceId(), caseId, "PASSPORT", "APPROVED", 3, null));
        sendCaseEvent(breached(ceId(), caseId, "PASSPORT", "120.00"));

        // 3 days: 25 % of 120.00 = 30.00, approved automatically; no payment reference: waits for a bank account
        JsonNode claim = awaitClaim(caseId, c -> "AWAITING_PAYOUT_DETAILS".equals(c.path("status").asText()));
        assertThat(claim.path("amount").path("amount").asText()).isEqualTo("30.00");
        assertThat(claim.path("refundMethod").asText()).isEqualTo("BANK_TRANSFER");
    }

    @Test
    void fraud_isExcluded() {
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(breached(ceId(), caseId, "PASSPORT", "120.00"));
        sendCaseEvent(resolved(ceId(), caseId, "PASSPORT", "REFUSED", 20, "fraud"));
        JsonNode claim = awaitClaim(caseId, c -> "CLOSED".equals(c.path("status").asText()));
        assertThat(claim.path("closureReason").asText()).isEqualTo("EXCLUDED_OUTCOME");
    }

    @Test
    void withdrawalThenReopening_closesTheClaim_andNothingMore() {
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(breached(ceId(), caseId, "PASSPORT", "120.00"));
        sendCaseEvent(CaseEventSamples.withdrawn(ceId(), caseId, "PASSPORT"));
        JsonNode claim = awaitClaim(caseId, c -> "CLOSED".equals(c.path("status").asText()));
        assertThat(claim.path("closureReason").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void recalculationThatUndoesTheBreach_sendsTheClaimToReview() {
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(breached(ceId(), caseId, "PASSPORT", "120.00"));
        sendCaseEvent(CaseEventSamples.deadlineRecalculated(ceId(), caseId, "PASSPORT", "2025-04-05T14:00:00Z"));
        sendCaseEvent(resolved(ceId(), caseId, "PASSPORT", "APPROVED", 1, null));
        // 30.00 would be approved automatically, but a claim under review never is
        JsonNode claim = awaitClaim(caseId, c -> "AWAITING_APPROVAL".equals(c.path("status").asText()));
        assertThat(claim.path("reviewRequired").asBoolean()).isTrue();
        assertThat(claim.path("approvalsRequired").asInt()).isEqualTo(1);
    }

    @Test
    void demoClaim_needsTwoDistinctFinanceUsers_overHttp() {
        String caseId = breachedCase("DEMO", "25.00", "pay-" + UUID.randomUUID());
        resolve(caseId, "DEMO", 2);
        // 25 % of 25.00 = 6.25: above DEMO's second-approval limit (5.00)
        JsonNode claim = awaitClaim(caseId, c -> "AWAITING_APPROVAL".equals(c.path("status").asText()));
        assertThat(claim.path("amount").path("amount").asText()).isEqualTo("6.25");
        assertThat(claim.path("approvalsRequired").asInt()).isEqualTo(2);

        String path = "/api/claims/" + claimOf(caseId) + "/approvals";
        String key = UUID.randomUUID().toString();
        ApiResponse first = post(path, financeToken("finance-1"), "{\"decision\":\"APPROVE\"}", Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("approvals")).hasSize(1); // read-your-writes

        ApiResponse retried = post(path, financeToken("finance-1"), "{\"decision\":\"APPROVE\"}", Map.of("Idempotency-Key", key));
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");

        approve(caseId, "finance-1").assertProblem(403, "claim.already-approved");
        decide(caseId, "finance-2", "REJECT", null).assertProblem(422, "claim.reason-required");
        post(path, financeToken("finance-2"), "{\"decision\":\"APPROVE\"}", Map.of("Idempotency-Key", key))
                .assertProblem(409, "claim.idempotency-key-reused");

        ApiResponse second = approve(caseId, "finance-2");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("status").asText()).isEqualTo("PAYING");
        assertThat(second.json().path("refundMethod").asText()).isEqualTo("ORIGINAL_PAYMENT_METHOD");
        assertThat(second.json().path("refundId").asText()).hasSize(35);

        approve(caseId, "finance-3").assertProblem(409, "claim.not-awaiting-approval");
        JsonNode history = get("/api/claims/" + claimOf(caseId), auditorToken()).json().path("history");
        assertThat(StreamSupport.stream(history.spliterator(), false).map(s -> s.path("what").asText()))
                .containsSubsequence("opened", "decided", "approval-given", "approval-given", "refund-approved", "refund-instructed");
        assertThat(StreamSupport.stream(history.spliterator(), false).filter(s -> "approval-given".equals(s.path("what").asText()))
                .map(s -> s.path("actor").asText())).containsExactly("finance-1", "finance-2");
    }

    @Test
    void approvals_needTheFinanceRole() {
        String caseId = breachedCase("PASSPORT", "120.00", null);
        ApiResponse response = post("/api/claims/" + claimOf(caseId) + "/approvals", auditorToken(), "{\"decision\":\"APPROVE\"}");
        assertThat(response.status()).isEqualTo(403);
        get("/api/claims/" + UUID.randomUUID(), financeToken()).assertProblem(404, "claim.not-found");
    }

    @Test
    void payoutDetails_sendTheTransfer_andAreNeverShownBack() {
        String caseId = breachedCase("PASSPORT", "120.00", null);
        resolve(caseId, "PASSPORT", 4);
        awaitClaim(caseId, c -> "AWAITING_PAYOUT_DETAILS".equals(c.path("status").asText()));
        String path = "/api/claims/" + claimOf(caseId) + "/payout-details";

        post(path, channelToken(), """
                {"applicantReference":"ref-1","holderName":"Marie Tremblay","iban":"FR14 2004 1010 0505 0001 3M02 607"}""")
                .assertProblem(422, "claim.iban-invalid");
        post(path, channelToken(), """
                {"applicantReference":"ref-2","holderName":"Marie Tremblay","iban":"FR14 2004 1010 0505 0001 3M02 606"}""")
                .assertProblem(422, "claim.holder-mismatch");
        ApiResponse given = post(path, channelToken(), """
                {"applicantReference":"ref-1","holderName":"Marie Tremblay","iban":"FR14 2004 1010 0505 0001 3M02 606","bic":"BNPAFRPP"}""");
        assertThat(given.status()).as(given.body()).isEqualTo(204);

        ApiResponse claim = get("/api/claims/" + claimOf(caseId), financeToken());
        assertThat(claim.json().path("status").asText()).isEqualTo("PAYING");
        assertThat(claim.json().path("payoutDetailsPresent").asBoolean()).isTrue();
        assertThat(claim.body()).doesNotContain("FR14").doesNotContain("Marie");
    }

    @Test
    void claims_arePaged_andFiltered() {
        String caseId = breachedCase("PASSPORT", "120.00", null);
        ApiResponse page = get("/api/claims?status=OPEN&serviceType=PASSPORT&page=0&size=200", auditorToken());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(StreamSupport.stream(page.json().path("items").spliterator(), false))
                .allSatisfy(c -> assertThat(c.path("status").asText()).isEqualTo("OPEN"));
        assertThat(get("/api/claims?status=NOPE", auditorToken()).status()).isEqualTo(400);
        assertThat(caseId).isNotBlank();
    }

    @Test
    void refundTotals_countPendingRefundsInTheMonthDecided() {
        String caseId = breachedCase("PASSPORT", "120.00", null);
        resolve(caseId, "PASSPORT", 12);
        awaitClaim(caseId, c -> "AWAITING_APPROVAL".equals(c.path("status").asText()));
        ApiResponse totals = get("/api/refund-totals?from=2025-04&to=2025-04", operationsToken());
        assertThat(totals.status()).as(totals.body()).isEqualTo(200);
        JsonNode passport = StreamSupport.stream(totals.json().path("totals").spliterator(), false)
                .filter(t -> "PASSPORT".equals(t.path("serviceType").asText())).findFirst().orElseThrow();
        assertThat(passport.path("month").asText()).isEqualTo("2025-04");
        assertThat(passport.path("pendingCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(new java.math.BigDecimal(passport.path("pendingAmount").asText())).isGreaterThanOrEqualTo(new java.math.BigDecimal("60.00"));
        get("/api/refund-totals?from=2025-13&to=2025-04", financeToken()).assertProblem(400, "refund-totals.month-invalid");
    }

    @Test
    void eventsThatRecordNothing_onACaseWithoutClaim_leaveNoClaim_andTheCaseWorksAfterwards() {
        // CREATE_IF_MISSING with no event applied, through the real repository and its cache
        String caseId = UUID.randomUUID().toString();
        String reopened = ceId();
        String notGuaranteed = ceId();
        sendCaseEvent(CaseEventSamples.reopened(reopened, caseId, "PASSPORT"));
        sendCaseEvent(breached(notGuaranteed, caseId, "PASSPORT", "120.00", false)); // not guaranteed by the case
        String marker = UUID.randomUUID().toString();
        sendCaseEvent(submitted(ceId(), marker, "PASSPORT", "10.00"));
        awaitClaim(marker, c -> true);
        get("/api/claims/" + claimOf(caseId), financeToken()).assertProblem(404, "claim.not-found");
        // handled, not parked as failures
        String parked = get("/ops/dead-letters/" + Topics.CASE, operationsToken()).body();
        assertThat(parked).doesNotContain(reopened).doesNotContain(notGuaranteed);

        sendCaseEvent(submitted(ceId(), caseId, "PASSPORT", "120.00"));
        JsonNode claim = awaitClaim(caseId, c -> "WATCHING".equals(c.path("status").asText()));
        assertThat(steps(claim, "fee-recorded")).isEqualTo(1);
        assertThat(claim.path("history")).hasSize(1);
    }

    @Test
    void poisonMessage_isParked_withoutBlockingTheNextCase() {
        String poisonId = "poison-" + UUID.randomUUID();
        sendCaseEvent(submittedWithoutCaseId(poisonId));
        String next = UUID.randomUUID().toString();
        sendCaseEvent(submitted(ceId(), next, "PASSPORT", "120.00"));

        awaitClaim(next, c -> true);
        Eventually.await("the poison message parked", DELIVERY)
                .until(() -> get("/ops/dead-letters/" + Topics.CASE, operationsToken()).body().contains(poisonId));
    }

    private static long steps(JsonNode claim, String what) {
        return StreamSupport.stream(claim.path("history").spliterator(), false).filter(s -> what.equals(s.path("what").asText())).count();
    }
}
