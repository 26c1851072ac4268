package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The assignee starts working on the case: ASSIGNED → IN_PROGRESS. */
public record StartWorkOnCaseCommand(@TargetAggregateIdentifier String caseId, Instant now) {
}
