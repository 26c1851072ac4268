package org.pledge.guarantee.claim.api;

import java.time.Instant;

/** Finance rejected the claim's refund of {@code amount}, with {@code reason}; final. */
public record RefundRejectedEvent(String claimId, String caseId, Money amount, String rejectedBy, String reason,
                                  String serviceType, String applicantReference, String language, Instant at) {
}
