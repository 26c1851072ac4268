package org.pledge.guarantee.claim.api;

import java.time.Instant;

/**
 * Internal to the claim: the case was withdrawn, and the claim did not close for it (not open yet: it applies when the
 * breach opens the claim; or the policy does not exclude withdrawn cases: the claim stays open for finance).
 */
public record CaseWithdrawalNotedEvent(String claimId, String caseId, Instant withdrawnAt) {
}
