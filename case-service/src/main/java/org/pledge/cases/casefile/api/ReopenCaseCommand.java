package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** Reopens a resolved case: RESOLVED → IN_PROGRESS. The clock resumes; the time the case was closed counts as a pause. */
public record ReopenCaseCommand(@CommandTarget String caseId, String reason, Instant now) {
}
