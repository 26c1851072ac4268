package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** The requested information arrived: AWAITING_INFORMATION → IN_PROGRESS; the clock resumes. */
public record RecordInformationReceivedCommand(@CommandTarget String caseId, Instant now) {
}
