package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The client was asked for information; the clock is paused from {@code requestedAt}. */
@Revision("1")
public record InformationRequestedEvent(String caseId, String reasonCode, Instant requestedAt) {
}
