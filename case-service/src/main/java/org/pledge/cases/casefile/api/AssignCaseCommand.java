package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns (or reassigns) the case to a caseworker; assigning to the current assignee does nothing. */
public record AssignCaseCommand(@TargetAggregateIdentifier String caseId, String assignee, Instant now) {
}
