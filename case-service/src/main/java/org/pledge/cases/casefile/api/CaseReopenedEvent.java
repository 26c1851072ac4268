package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** A resolved case was reopened; the clock resumed with {@code resolvedAt}..{@code reopenedAt} counted as a pause. {@code deadline} and {@code atRiskAt} are the clock's new instants (unchanged once the standard was breached). */
@EventRevision("1")
public record CaseReopenedEvent(String caseId, String reason, Instant resolvedAt, Instant reopenedAt, Instant deadline, Instant atRiskAt) {
}
