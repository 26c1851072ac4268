package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** The case reached its at-risk point ({@code atRiskAt}) without a decision; emitted once per case clock. */
@EventRevision("1")
public record CaseMarkedAtRiskEvent(String caseId, Instant atRiskAt, Instant deadline, Instant markedAt) {
}
