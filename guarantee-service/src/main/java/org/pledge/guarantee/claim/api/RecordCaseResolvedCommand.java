package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The case was resolved ({@code pledge.case.resolved.v1}): the lateness it carries (business days, pauses not
 * counted) fixes the claim's amount under {@code policy}. Before the claim is open (the resolution arrived before the
 * breach) it is remembered and applied when the claim opens. A repeat, and a later resolution after a reopening,
 * change nothing: the amount fixed first stands.
 *
 * @param outcome    {@code APPROVED}, {@code REFUSED} or {@code OTHER}
 * @param reasonCode the resolution's reason code (e.g. {@code fraud}), null when none
 */
public record RecordCaseResolvedCommand(@CommandTarget String claimId, String caseId, String outcome, String reasonCode,
                                        int latenessBusinessDays, Instant resolvedAt, AppliedPolicy policy) {
}
