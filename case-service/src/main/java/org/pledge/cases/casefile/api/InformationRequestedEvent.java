package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The client was asked for information; the clock is paused from {@code requestedAt}. */
@EventRevision("1")
public record InformationRequestedEvent(String caseId, String reasonCode, Instant requestedAt) {
}
