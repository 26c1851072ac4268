package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Decides the case: IN_PROGRESS or AWAITING_INFORMATION → RESOLVED. {@code note} is required; {@code reasonCode} (a
 * lower-case code, e.g. {@code fraud}) is optional.
 */
public record ResolveCaseCommand(@CommandTarget String caseId, Outcome outcome, String note, Instant now, String reasonCode) {

    /** Without a reason code. */
    public ResolveCaseCommand(String caseId, Outcome outcome, String note, Instant now) {
        this(caseId, outcome, note, now, null);
    }
}
