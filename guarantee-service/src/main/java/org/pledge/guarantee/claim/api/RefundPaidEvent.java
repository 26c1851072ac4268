package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.guarantee.policy.api.PayoutMethod;

/** The refund {@code refundId} was paid; the claim is {@link ClaimStatus#PAID} for good. */
public record RefundPaidEvent(String claimId, String caseId, String refundId, Money amount, PayoutMethod method, String paymentId,
                              String serviceType, String applicantReference, String language, Instant paidAt) {
}
