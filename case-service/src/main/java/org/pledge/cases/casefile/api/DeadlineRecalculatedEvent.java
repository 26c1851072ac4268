package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The case adopted a new version of its business calendar; {@code deadline} and {@code atRiskAt} are recalculated under it (unchanged once the standard was breached). */
@EventRevision("1")
public record DeadlineRecalculatedEvent(String caseId, String calendarId, int calendarVersion, Instant deadline, Instant atRiskAt, Instant recalculatedAt) {
}
