package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The assignee started working on the case (ASSIGNED → IN_PROGRESS). */
@Revision("1")
public record CaseWorkStartedEvent(String caseId, Instant startedAt) {
}
