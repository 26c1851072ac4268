package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The assignee started working on the case (ASSIGNED → IN_PROGRESS). */
@EventRevision("1")
public record CaseWorkStartedEvent(String caseId, Instant startedAt) {
}
