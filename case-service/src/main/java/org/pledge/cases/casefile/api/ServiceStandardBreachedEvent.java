package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The deadline passed without the case being resolved or withdrawn; emitted once per case clock. */
@Revision("1")
public record ServiceStandardBreachedEvent(String caseId, Instant deadline, Instant markedAt) {
}
