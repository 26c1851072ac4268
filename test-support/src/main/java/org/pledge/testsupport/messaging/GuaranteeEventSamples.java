package org.pledge.testsupport.messaging;

import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * guarantee-service's integration events as another service receives them, for that service's tests: valid against the
 * contract's schema.
 */
public final class GuaranteeEventSamples {

    public static final String REFUND_APPROVED = "pledge.guarantee.refund-approved.v1";
    public static final String REFUND_PAID = "pledge.guarantee.refund-paid.v1";
    public static final String SOURCE = "/pledge/guarantee-service";

    private GuaranteeEventSamples() {
    }

    /**
     * The refund of {@code amount} CAD on the claim of case {@code caseId} (applicant {@code subjectRef}, in French) was
     * approved automatically at 2026-03-20T15:00:00Z, to be paid back to the original payment method.
     */
    public static CloudEvent refundApproved(String ceId, String caseId, String subjectRef, String amount) {
        return new CloudEvent(ceId, REFUND_APPROVED, SOURCE, caseId, """
                {"caseId":"%s","claimId":"0f8fad5b-d9cb-469f-a165-70867728950e","serviceType":"PASSPORT",
                 "applicantReference":"%s","language":"fr-CA","amount":{"amount":"%s","currency":"CAD"},
                 "refundId":"R0f8fad5bd9cb469fa16570867728950e01","method":"ORIGINAL_PAYMENT_METHOD","automatic":true,
                 "approvedAt":"2026-03-20T15:00:00Z"}""".formatted(caseId, subjectRef, amount));
    }

    /** The refund of {@code amount} CAD of case {@code caseId} was paid to the original payment method at 2026-03-20T15:00:02Z. */
    public static CloudEvent refundPaid(String ceId, String caseId, String subjectRef, String amount) {
        return new CloudEvent(ceId, REFUND_PAID, SOURCE, caseId, """
                {"caseId":"%s","claimId":"0f8fad5b-d9cb-469f-a165-70867728950e","serviceType":"PASSPORT",
                 "applicantReference":"%s","language":"fr-CA","amount":{"amount":"%s","currency":"CAD"},
                 "refundId":"R0f8fad5bd9cb469fa16570867728950e01","method":"ORIGINAL_PAYMENT_METHOD",
                 "paidAt":"2026-03-20T15:00:02Z"}""".formatted(caseId, subjectRef, amount));
    }
}
