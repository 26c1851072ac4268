package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requested information arrived: AWAITING_INFORMATION → IN_PROGRESS; the clock resumes. */
public record RecordInformationReceivedCommand(@TargetAggregateIdentifier String caseId, Instant now) {
}
