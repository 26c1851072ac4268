package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The case was withdrawn by the client's channel or a caseworker. */
@EventRevision("1")
public record CaseWithdrawnEvent(String caseId, WithdrawnBy withdrawnBy, String reason, Instant withdrawnAt) {
}
