package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** The case was withdrawn ({@code pledge.case.withdrawn.v1}): an open claim closes when {@code policy} excludes withdrawn cases. */
public record RecordCaseWithdrawnCommand(@CommandTarget String claimId, String caseId, Instant withdrawnAt, AppliedPolicy policy) {
}
