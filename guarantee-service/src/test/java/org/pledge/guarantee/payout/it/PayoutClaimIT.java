package org.pledge.guarantee.payout.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.breached;
import static org.pledge.testsupport.messaging.CaseEventSamples.resolved;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedWithPayment;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.claim.api.RefundIds;
import org.pledge.guarantee.it.GuaranteeServiceITSupport;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.pledge.testsupport.payments.FakeRefundProvider;
import org.pledge.testsupport.payments.FakeRefundProvider.Behaviour;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole path from case events to the provider and back to the claim, through the real broker and a real HTTP
 * provider (WireMock with its own idempotency ledger): the breach and the resolution arrive twice and out of order,
 * and the provider still pays once and the claim ends PAID; a refusal returns the claim to finance.
 */
@TestPropertySource(properties = {
        "pledge.test.context=payout",
        "pledge.payments.call-timeout=1s",
        "pledge.payments.retry.initial-back-off=100ms",
        "pledge.payments.lease=3s",
        "pledge.payments.sweep-interval=500ms",
        "pledge.payments.callback-url="})
class PayoutClaimIT extends GuaranteeServiceITSupport {

    private static final FakeRefundProvider PROVIDER = new FakeRefundProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("pledge.payments.base-url", PROVIDER::baseUrl);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void breachAndResolution_twiceAndOutOfOrder_payOnce_andTheClaimEndsPaid() {
        String caseId = UUID.randomUUID().toString();
        String refundId = RefundIds.of(claimOf(caseId), 1);
        PROVIDER.script(refundId, Behaviour.PAY_THEN_TIME_OUT); // and the provider times out after paying, for good measure
        CloudEvent breach = breached(ceId(), caseId, "PASSPORT", "120.00");
        CloudEvent resolution = resolved(ceId(), caseId, "PASSPORT", "APPROVED", 3, null);

        sendCaseEvent(submittedWithPayment(ceId(), caseId, "PASSPORT", "120.00", "pay_" + caseId.substring(0, 8)));
        sendCaseEvent(resolution);                                  // the resolution before the breach
        sendCaseEvent(breach);
        sendCaseEvent(resolution);                                  // the broker delivers both again (same ce_id)
        sendCaseEvent(breach);
        sendCaseEvent(breached(ceId(), caseId, "PASSPORT", "120.00"));  // and they are republished under new ids
        sendCaseEvent(resolved(ceId(), caseId, "PASSPORT", "APPROVED", 3, null));

        // PASSPORT, 3 business days late: 25 % of 120.00 = 30.00, under the auto-approval limit (50.00)
        JsonNode claim = awaitClaim(caseId, c -> "PAID".equals(c.path("status").asText()));
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);
        assertThat(PROVIDER.requests("POST", refundId)).isEqualTo(1);
        assertThat(PROVIDER.providerId(refundId)).isNotNull();
        assertThat(claim.toString()).contains(PROVIDER.providerId(refundId));
    }

    @Test
    void refusedByTheProvider_returnsTheClaimToFinance_withoutAPayment() {
        String caseId = UUID.randomUUID().toString();
        String refundId = RefundIds.of(claimOf(caseId), 1);
        PROVIDER.script(refundId, Behaviour.REFUSE);

        sendCaseEvent(submittedWithPayment(ceId(), caseId, "PASSPORT", "120.00", "pay_" + caseId.substring(0, 8)));
        sendCaseEvent(breached(ceId(), caseId, "PASSPORT", "120.00"));
        sendCaseEvent(resolved(ceId(), caseId, "PASSPORT", "APPROVED", 3, null));

        JsonNode claim = awaitClaim(caseId, c -> "PAYMENT_FAILED".equals(c.path("status").asText()));
        assertThat(PROVIDER.payments(refundId)).isZero();
        assertThat(claim.toString()).contains("PROVIDER_REJECTED:HTTP_422");
    }
}
