package org.pledge.cases.sla.schedule;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.RecordFields;

/**
 * An {@code sla_clocks} document exactly as stored (read and written by the driver's record codec; constants below for
 * queries and indexes):
 * <pre>
 * { _id: caseId, seq: last applied event's aggregate sequence number (int64),
 *   atRiskAt, deadline, paused, closed, atRiskFired, breachFired,     (the clock, see {@link SlaClock})
 *   nextDueAt: date, kind: "AT_RISK" | "BREACH",                      (derived: what fires next, and when; absent: nothing)
 *   claimedBy, claimedUntil }                                          (the sweep's claim, absent when free)
 * </pre>
 * Instants are BSON dates (milliseconds): the clock's are rounded up, never earlier than the real ones.
 */
public record SlaClockDocument(@BsonId String caseId, Long seq, Instant atRiskAt, Instant deadline, Boolean paused,
                               Boolean closed, Boolean atRiskFired, Boolean breachFired, Instant nextDueAt, SlaClock.Kind kind,
                               String claimedBy, Instant claimedUntil) {

    private static final RecordFields FIELDS = RecordFields.of(SlaClockDocument.class);
    static final String ID = FIELDS.name("caseId");
    static final String SEQ = FIELDS.name("seq");
    static final String NEXT_DUE_AT = FIELDS.name("nextDueAt");
    static final String CLAIMED_BY = FIELDS.name("claimedBy");
    static final String CLAIMED_UNTIL = FIELDS.name("claimedUntil");

    /** The document of {@code clock} after the case's event {@code seq}: what fires next, and no claim (a change clears it). */
    static SlaClockDocument of(String caseId, long seq, SlaClock clock) {
        // rounded up: a millisecond-truncated instant could make the sweep fire before the case agrees it is due
        return new SlaClockDocument(caseId, seq, SlaClock.ceilMillis(clock.atRiskAt()), SlaClock.ceilMillis(clock.deadline()),
                clock.paused(), clock.closed(), clock.atRiskFired(), clock.breachFired(), clock.nextDueAt(), clock.nextKind(),
                null, null);
    }

    SlaClock clock() {
        return new SlaClock(atRiskAt, deadline, Boolean.TRUE.equals(paused), Boolean.TRUE.equals(closed),
                Boolean.TRUE.equals(atRiskFired), Boolean.TRUE.equals(breachFired));
    }
}
