package org.pledge.guarantee.claim.api;

import java.time.Instant;

/**
 * Internal to the claim: it adopts {@code policy} (a version of its service type's guarantee policy, with its terms), at
 * opening and again when the case's resolution brings a newer version. The terms are kept so that a later
 * re-evaluation, approval or payout is decided under the version the claim records.
 */
public record ClaimPolicyAppliedEvent(String claimId, String caseId, AppliedPolicy policy, Instant at) {
}
