package org.pledge.guarantee.claim.api;

import java.time.Instant;

/** A recalculated deadline ({@code deadline}) would have avoided the breach: the claim needs finance review and is never paid automatically. */
public record ClaimSentToReviewEvent(String claimId, String caseId, Instant deadline, Instant at) {
}
