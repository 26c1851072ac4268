package org.pledge.guarantee.claim.api;

import java.time.Instant;

/** A finance user approved the claim; {@code approvalsGiven} of {@code approvalsRequired}. */
public record ClaimApprovalGivenEvent(String claimId, String caseId, String approver, int approvalsGiven, int approvalsRequired,
                                      String note, Instant at) {
}
