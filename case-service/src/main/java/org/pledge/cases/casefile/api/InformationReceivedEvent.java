package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The information arrived; the clock resumed. {@code pausedSince}..{@code receivedAt} is the pause; {@code deadline} and {@code atRiskAt} are the clock's new instants (unchanged once the standard was breached). */
@Revision("1")
public record InformationReceivedEvent(String caseId, Instant pausedSince, Instant receivedAt, Instant deadline, Instant atRiskAt) {
}
