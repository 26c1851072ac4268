package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The case's deadline was recalculated ({@code pledge.case.deadline-recalculated.v1}). When the new deadline would
 * have avoided the breach (it is after the breach, and after the resolution when resolved), the claim goes to finance
 * review: it is never paid automatically from then on.
 */
public record RecordDeadlineRecalculatedCommand(@CommandTarget String claimId, String caseId, Instant deadline,
                                                Instant recalculatedAt) {
}
