package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/** A new version of the case's business calendar was published: an open case adopts it and its deadline is recalculated. Ignored for resolved or withdrawn cases and for versions not newer than the case's. */
public record RecalculateDeadlineCommand(@CommandTarget String caseId, String calendarId, int calendarVersion, Instant now) {
}
