package org.pledge.guarantee.claim.api;

import java.time.Instant;

/**
 * Internal to the claim: the case's resolution as it arrived (outcome, reason code, lateness), under {@code policy}.
 * On an open claim a {@link ClaimDecidedEvent} or {@link ClaimClosedEvent} follows at once; before the claim is open
 * (the resolution arrived before the breach) it is remembered and applied when the claim opens.
 */
public record CaseResolutionNotedEvent(String claimId, String caseId, String outcome, String reasonCode, int latenessBusinessDays,
                                       Instant resolvedAt, AppliedPolicy policy) {
}
