package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The case was assigned (or reassigned) to a caseworker. */
@Revision("1")
public record CaseAssignedEvent(String caseId, String assignee, Instant assignedAt) {
}
