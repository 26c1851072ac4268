package org.pledge.guarantee.claim.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The claim's amount is fixed (at resolution, or again by a re-evaluation): {@code percent} % of the fee for
 * {@code countedLateness} business days, under policy {@code policyVersion}.
 *
 * @param latenessBusinessDays the lateness the case's resolution carried
 * @param countedLateness      after exceptional circumstances were subtracted
 * @param approvalsRequired    0 (approved automatically), 1 or 2
 * @param reviewRequired       the breach was undone by a recalculation: finance must look at it whatever the amount
 */
public record ClaimDecidedEvent(String claimId, String caseId, int latenessBusinessDays, int countedLateness, BigDecimal percent,
                                Money amount, int policyVersion, int approvalsRequired, boolean reviewRequired, Instant decidedAt) {
}
