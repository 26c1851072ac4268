package org.pledge.cases.casefile.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the sweep needs to know of one case's service-standard clock, as the case events left it.
 *
 * @param atRiskAt    the at-risk instant
 * @param deadline    the deadline
 * @param paused      information requested and not yet received
 * @param closed      resolved or withdrawn (and not reopened)
 * @param atRiskFired the case recorded {@code CaseMarkedAtRiskEvent}
 * @param breachFired the case recorded {@code ServiceStandardBreachedEvent}
 */
public record MarkerSchedule(Instant atRiskAt, Instant deadline, boolean paused, boolean closed, boolean atRiskFired,
                       boolean breachFired) {

    /** The marker a due clock fires next. */
    public enum Kind { AT_RISK, BREACH }

    public MarkerSchedule {
        Objects.requireNonNull(atRiskAt, "atRiskAt");
        Objects.requireNonNull(deadline, "deadline");
    }

    static MarkerSchedule started(Instant atRiskAt, Instant deadline) {
        return new MarkerSchedule(atRiskAt, deadline, false, false, false, false);
    }

    /** The next marker to fire, or null when none can fire (paused, closed, or both fired). */
    public Kind nextKind() {
        if (paused || closed || breachFired) {
            return null;
        }
        return atRiskFired ? Kind.BREACH : Kind.AT_RISK;
    }

    /**
     * When the next marker is due, rounded up to the millisecond (MongoDB dates hold milliseconds, and a
     * marker swept early would be ignored by the case); null when none can fire.
     */
    public Instant nextDueAt() {
        Kind kind = nextKind();
        if (kind == null) {
            return null;
        }
        return ceilMillis(kind == Kind.AT_RISK ? atRiskAt : deadline);
    }

    /** {@code at} rounded up to the millisecond: stored this way, an instant is never earlier than the real one. */
    static Instant ceilMillis(Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(at) ? at : millis.plusMillis(1);
    }

    MarkerSchedule pause() {
        return new MarkerSchedule(atRiskAt, deadline, true, closed, atRiskFired, breachFired);
    }

    MarkerSchedule resume(Instant newAtRiskAt, Instant newDeadline) {
        return new MarkerSchedule(newAtRiskAt, newDeadline, false, closed, atRiskFired, breachFired);
    }

    MarkerSchedule rescheduled(Instant newAtRiskAt, Instant newDeadline) {
        return new MarkerSchedule(newAtRiskAt, newDeadline, paused, closed, atRiskFired, breachFired);
    }

    MarkerSchedule markedAtRisk() {
        return new MarkerSchedule(atRiskAt, deadline, paused, closed, true, breachFired);
    }

    MarkerSchedule breached() {
        return new MarkerSchedule(atRiskAt, deadline, paused, closed, atRiskFired, true);
    }

    MarkerSchedule close(Instant finalDeadline) {
        return new MarkerSchedule(atRiskAt, finalDeadline == null ? deadline : finalDeadline, false, true, atRiskFired, breachFired);
    }

    MarkerSchedule reopen(Instant newAtRiskAt, Instant newDeadline) {
        return new MarkerSchedule(newAtRiskAt, newDeadline, false, false, atRiskFired, breachFired);
    }
}
