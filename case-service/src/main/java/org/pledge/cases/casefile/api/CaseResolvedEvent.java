package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/**
 * The case was decided.
 *
 * @param onTime                     resolved before the deadline (and never breached)
 * @param latenessInBusinessDays     0 when on time, else at least 1
 * @param deadline                   the deadline the resolution was measured against
 */
@EventRevision("1")
public record CaseResolvedEvent(String caseId, Outcome outcome, String note, Instant resolvedAt, boolean onTime,
                                int latenessInBusinessDays, Instant deadline) {
}
