package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The information arrived; the clock resumed. {@code pausedSince}..{@code receivedAt} is the pause; {@code deadline} and {@code atRiskAt} are the clock's new instants (unchanged once the standard was breached). */
@EventRevision("1")
public record InformationReceivedEvent(String caseId, Instant pausedSince, Instant receivedAt, Instant deadline, Instant atRiskAt) {
}
