package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A new version of the case's business calendar was published: an open case adopts it and its deadline is recalculated. Ignored for resolved or withdrawn cases and for versions not newer than the case's. */
public record RecalculateDeadlineCommand(@TargetAggregateIdentifier String caseId, String calendarId, int calendarVersion, Instant now) {
}
