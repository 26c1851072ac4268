package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws an open case, by the client's channel or a caseworker; {@code reason} is required. */
public record WithdrawCaseCommand(@TargetAggregateIdentifier String caseId, WithdrawnBy withdrawnBy, String reason, Instant now) {
}
