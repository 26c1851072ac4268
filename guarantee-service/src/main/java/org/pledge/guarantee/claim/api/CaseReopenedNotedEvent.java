package org.pledge.guarantee.claim.api;

import java.time.Instant;

/** Internal to the claim: the case was reopened; noted in the history only (never a second claim, never a claw-back). */
public record CaseReopenedNotedEvent(String claimId, String caseId, Instant reopenedAt) {
}
