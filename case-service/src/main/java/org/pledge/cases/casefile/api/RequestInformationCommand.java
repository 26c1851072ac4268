package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** Asks the client for information: IN_PROGRESS → AWAITING_INFORMATION; the clock pauses. {@code reasonCode}: lower-case code, e.g. {@code missing-photo}. */
public record RequestInformationCommand(@CommandTarget String caseId, String reasonCode, Instant now) {
}
