package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * An exceptional circumstance covers this claim: subtract {@code businessDays} of lateness, or exclude it. Applies
 * once per circumstance (a repeat changes nothing); a claim already paid, or whose payment is under way, is not
 * changed. Recorded as {@link ClaimReevaluatedEvent}, which names the circumstance.
 *
 * @param businessDays the days to subtract ({@link Adjustment#SUBTRACT_BUSINESS_DAYS}), 0 for {@link Adjustment#EXCLUDE}
 * @param declaredBy   the admin who declared the circumstance
 */
public record ReevaluateClaimCommand(@CommandTarget String claimId, String circumstanceId, Adjustment adjustment, int businessDays,
                                     String declaredBy, Instant at) {
}
