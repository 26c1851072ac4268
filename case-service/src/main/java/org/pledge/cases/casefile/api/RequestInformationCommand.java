package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the client for information: IN_PROGRESS → AWAITING_INFORMATION; the clock pauses. {@code reasonCode}: lower-case code, e.g. {@code missing-photo}. */
public record RequestInformationCommand(@TargetAggregateIdentifier String caseId, String reasonCode, Instant now) {
}
