package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The case was assigned (or reassigned) to a caseworker. */
@EventRevision("1")
public record CaseAssignedEvent(String caseId, String assignee, Instant assignedAt) {
}
