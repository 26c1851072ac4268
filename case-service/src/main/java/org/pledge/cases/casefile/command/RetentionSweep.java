package org.pledge.cases.casefile.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.query.CaseClosure;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.casefile.query.RetentionCursors;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.privacy.api.ErasureReason;
import org.pledge.platform.privacy.api.RequestedThrough;
import org.pledge.platform.security.ActorMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases the data subjects (applicants) whose cases are all closed for longer than their service type's retention
 * ({@code pledge.privacy.retention.service-types}), through the platform's {@link DataSubjectErasures} with reason
 * {@code retention}: the subject's key is deleted, the read models scrubbed, the erasure recorded and published.
 *
 * <p>Per configured service type and closing status (resolved, withdrawn) the sweep reads the cases closed at or before
 * {@code now - retention}, oldest first, from where it stopped last ({@link RetentionCursors}), and for each case's
 * subject checks every case of the subject: it is erased only when none is open and each closed one is past its own
 * service type's retention (a service type without retention keeps its subjects). A subject left for now comes up again
 * with the case that kept it, which closes, or passes its retention, later. A subject erased already (by retention, a
 * request or another service) is not erased again; an erasure is idempotent anyway.
 *
 * <p>Nothing runs while {@code case-summaries} is being rebuilt ({@code busy}): a replay shows a subject's old closed
 * case before its open one. A subject whose new case is submitted in the very instant the sweep erases it loses that
 * case's personal data too: retention periods are months, the window milliseconds.
 */
public class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    /** The actor recorded on the erasures this sweep makes. */
    public static final String ACTOR = "case-service/retention";
    private static final String SERVICE = "case-service";
    private static final List<CaseStatus> CLOSED = List.of(CaseStatus.RESOLVED, CaseStatus.WITHDRAWN);

    private final CaseSummaries summaries;
    private final RetentionCursors cursors;
    private final DataSubjectErasures erasures;
    private final Map<String, Duration> retention;
    private final Clock clock;
    private final int batchSize;
    private final BooleanSupplier busy;

    /**
     * @param retention per service type code, how long after a case closed its subject's personal data is kept
     * @param busy      whether {@code case-summaries} is being rebuilt (nothing is swept meanwhile)
     */
    public RetentionSweep(CaseSummaries summaries, RetentionCursors cursors, DataSubjectErasures erasures,
                          Map<String, Duration> retention, Clock clock, int batchSize, BooleanSupplier busy) {
        this.summaries = summaries;
        this.cursors = cursors;
        this.erasures = erasures;
        this.retention = Map.copyOf(retention);
        this.clock = clock;
        this.batchSize = batchSize;
        this.busy = busy;
    }

    /**
     * Sweeps once: per service type with a retention and closing status, at most {@code batchSize} closed cases.
     *
     * @return how many subjects it erased
     */
    public int sweep() {
        if (retention.isEmpty()) {
            return 0;
        }
        if (busy.getAsBoolean()) {
            log.info("retention sweep skipped: case-summaries is being rebuilt");
            return 0;
        }
        Instant now = clock.instant();
        int erased = 0;
        for (Map.Entry<String, Duration> type : retention.entrySet()) {
            for (CaseStatus status : CLOSED) {
                erased += sweep(type.getKey(), status, now.minus(type.getValue()), now);
            }
        }
        if (erased > 0) {
            log.info("retention sweep erased {} data subject(s)", erased);
        }
        return erased;
    }

    private int sweep(String serviceType, CaseStatus status, Instant cutoff, Instant now) {
        Optional<RetentionCursors.RetentionCursor> cursor = cursors.find(serviceType, status);
        List<CaseClosure> closed = summaries.closedUpTo(serviceType, status, cutoff,
                cursor.map(RetentionCursors.RetentionCursor::closedAt).orElse(null),
                cursor.map(RetentionCursors.RetentionCursor::caseId).orElse(null), batchSize);
        int erased = 0;
        for (CaseClosure c : closed) {
            try {
                if (eraseIfDue(c.subjectRef(), now)) {
                    erased++;
                }
            } catch (RuntimeException e) {
                // stays where it is: the next sweep tries this case's subject again
                log.warn("retention: erasing the subject of case {} failed; next sweep tries again", c.caseId(), e);
                return erased;
            }
            cursors.advance(serviceType, status, c.closedAt(), c.caseId());
        }
        return erased;
    }

    private boolean eraseIfDue(String subjectRef, Instant now) {
        if (subjectRef == null || subjectRef.isBlank() || erasures.isErased(subjectRef) || !due(subjectRef, now)) {
            return false;
        }
        erasures.erase(subjectRef, ErasureReason.RETENTION, ACTOR, RequestedThrough.RETENTION, ActorMetadata.system(ACTOR, SERVICE));
        return true;
    }

    /** Whether every case of the subject is closed and past its service type's retention. */
    boolean due(String subjectRef, Instant now) {
        List<CaseClosure> cases = summaries.casesOf(subjectRef);
        if (cases.isEmpty()) {
            return false;
        }
        for (CaseClosure c : cases) {
            Duration kept = c.serviceType() == null ? null : retention.get(c.serviceType());
            if (c.isOpen() || c.closedAt() == null || kept == null || c.closedAt().plus(kept).isAfter(now)) {
                return false;
            }
        }
        return true;
    }
}
