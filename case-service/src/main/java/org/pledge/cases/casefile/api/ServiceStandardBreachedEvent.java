package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The deadline passed without the case being resolved or withdrawn; emitted once per case clock. */
@EventRevision("1")
public record ServiceStandardBreachedEvent(String caseId, Instant deadline, Instant markedAt) {
}
