package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** The case was reopened ({@code pledge.case.reopened.v1}): never a second claim, never a claw-back; noted in the history. */
public record RecordCaseReopenedCommand(@CommandTarget String claimId, String caseId, Instant reopenedAt) {
}
