package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/**
 * The case was decided.
 *
 * @param onTime                     resolved before the deadline (and never breached)
 * @param latenessInBusinessDays     0 when on time, else at least 1
 * @param deadline                   the deadline the resolution was measured against
 * @param reasonCode                 the decision's lower-case reason code (e.g. {@code fraud}), null when none was given,
 *                                   and in events stored before this field existed (revision 1, upcast by
 *                                   {@code CaseResolvedEventUpcaster})
 */
@EventRevision("2")
public record CaseResolvedEvent(String caseId, Outcome outcome, String note, Instant resolvedAt, boolean onTime,
                                int latenessInBusinessDays, Instant deadline, String reasonCode) {

    /** Without a reason code (the form before revision 2). */
    public CaseResolvedEvent(String caseId, Outcome outcome, String note, Instant resolvedAt, boolean onTime,
                             int latenessInBusinessDays, Instant deadline) {
        this(caseId, outcome, note, resolvedAt, onTime, latenessInBusinessDays, deadline, null);
    }
}
