package org.pledge.guarantee.claim.api;

import java.time.Instant;

/** Nothing is owed on the claim, for {@code reason}; final. {@code circumstanceId} names the circumstance for {@link ClosureReason#EXCLUDED_BY_CIRCUMSTANCE}, else null. */
public record ClaimClosedEvent(String claimId, String caseId, ClosureReason reason, int policyVersion, String circumstanceId,
                               Instant closedAt) {
}
