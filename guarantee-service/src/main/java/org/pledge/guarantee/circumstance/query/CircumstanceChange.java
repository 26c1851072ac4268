package org.pledge.guarantee.circumstance.query;

import java.time.Instant;

/**
 * What a circumstance did to one claim ({@code ClaimReevaluatedEvent}): the amount before and after, null while the claim
 * was not decided yet (the adjustment then applies when it is), and whether the claim closed because of it (excluded).
 */
public record CircumstanceChange(String circumstanceId, String claimId, String caseId, String adjustment, int businessDays,
                                 String previousAmount, String newAmount, String currency, boolean closed, Instant at) {
}
