package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Decides the case: IN_PROGRESS or AWAITING_INFORMATION → RESOLVED. {@code note} is required. */
public record ResolveCaseCommand(@TargetAggregateIdentifier String caseId, Outcome outcome, String note, Instant now) {
}
