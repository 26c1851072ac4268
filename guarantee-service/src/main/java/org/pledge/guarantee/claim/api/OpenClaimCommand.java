package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The case's service standard was missed ({@code pledge.case.service-standard-breached.v1}): opens the case's claim
 * when the standard is guaranteed (by the case, {@code guaranteedByCase}, and by the policy) and a fee was paid.
 * One claim per case, whatever is redelivered: a repeat changes nothing. Created if missing (the breach may arrive
 * before the submission).
 *
 * @param guaranteedByCase whether the case says its standard was guaranteed at submission (null: not said)
 * @param fee              the fee paid, as the breach carries it (the recorded fee stands when there is one)
 * @param policy           the service type's policy as current now
 */
public record OpenClaimCommand(@CommandTarget String claimId, String caseId, String serviceType, String applicantReference,
                               String language, Instant deadline, Instant breachedAt, Boolean guaranteedByCase, Money fee,
                               AppliedPolicy policy) {
}
