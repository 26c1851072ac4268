package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.guarantee.policy.api.PayoutMethod;

/** The refund {@code refundId} failed for good, for {@code reason}; the claim is back with finance ({@link ClaimStatus#PAYMENT_FAILED}). */
public record RefundFailedEvent(String claimId, String caseId, String refundId, Money amount, PayoutMethod method, String reason,
                                String serviceType, String applicantReference, String language, Instant failedAt) {
}
