package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** From the SLA scheduler: the case should now be at risk. {@code dueAt} is the at-risk instant the scheduler computed; the aggregate decides on its own state and {@code now}, and ignores the command (no event, no error) when already marked, not yet due, paused, resolved or withdrawn. */
public record MarkCaseAtRiskCommand(@CommandTarget String caseId, Instant dueAt, Instant now) {
}
