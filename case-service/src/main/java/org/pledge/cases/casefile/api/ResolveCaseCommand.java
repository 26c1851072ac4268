package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** Decides the case: IN_PROGRESS or AWAITING_INFORMATION → RESOLVED. {@code note} is required. */
public record ResolveCaseCommand(@CommandTarget String caseId, Outcome outcome, String note, Instant now) {
}
