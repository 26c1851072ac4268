package org.pledge.guarantee.claim.api;

import java.time.Instant;

/**
 * The exceptional circumstance {@code circumstanceId} changed the claim: {@code adjustment} ({@code businessDays}
 * subtracted). {@code previousAmount} and {@code newAmount} are null while the claim is not decided yet (the
 * adjustment then applies when it is). A following {@link ClaimDecidedEvent} or {@link ClaimClosedEvent} carries the
 * outcome.
 */
public record ClaimReevaluatedEvent(String claimId, String caseId, String circumstanceId, Adjustment adjustment, int businessDays,
                                    Money previousAmount, Money newAmount, String declaredBy, Instant at) {
}
