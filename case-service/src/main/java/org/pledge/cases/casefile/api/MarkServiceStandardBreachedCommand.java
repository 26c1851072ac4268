package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** From the SLA scheduler: the deadline has passed. {@code dueAt} is the deadline the scheduler computed; the aggregate decides on its own state and {@code now}, and ignores the command (no event, no error) when already breached, not yet due, paused, resolved or withdrawn. Marks the case at risk first if that was not done yet. */
public record MarkServiceStandardBreachedCommand(@CommandTarget String caseId, Instant dueAt, Instant now) {
}
