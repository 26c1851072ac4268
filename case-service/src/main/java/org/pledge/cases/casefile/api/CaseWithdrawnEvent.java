package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The case was withdrawn by the client's channel or a caseworker. */
@Revision("1")
public record CaseWithdrawnEvent(String caseId, WithdrawnBy withdrawnBy, String reason, Instant withdrawnAt) {
}
