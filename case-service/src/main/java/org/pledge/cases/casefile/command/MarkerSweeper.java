package org.pledge.cases.casefile.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.platform.security.ActorMetadata;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.cases.casefile.api.MarkCaseAtRiskCommand;
import org.pledge.cases.casefile.query.MarkerSchedule;
import org.pledge.cases.casefile.query.MarkerSchedules;
import org.pledge.cases.casefile.api.MarkServiceStandardBreachedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sweep over {@link MarkerSchedules}: claims each due clock atomically and sends the case the marker that is due.
 *
 * <p>The case aggregate is the guard against double firing: it records each marker once and ignores a mark that is
 * duplicate, early, paused or closed. The claim only keeps several instances from doing the same work. After a
 * successful send the claim is kept: the projection clears it when the marker's event arrives (so the clock is not
 * swept again meanwhile), and otherwise it expires after the lease. A failed send releases the claim at once, so the
 * next sweep retries; a {@link ConcurrencyException} means another instance changed the case at the same time, which
 * is left to the next sweep as well (the case then decides again).
 */
public class MarkerSweeper {

    private static final Logger log = LoggerFactory.getLogger(MarkerSweeper.class);

    private final MarkerSchedules clocks;
    private final CommandGateway commands;
    private final Clock clock;
    private final String instanceId;
    private final int batchSize;
    private final Duration lease;
    private final AtomicLong completedSweeps = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    public MarkerSweeper(MarkerSchedules clocks, CommandGateway commands, Clock clock, String instanceId, int batchSize, Duration lease) {
        this.clocks = clocks;
        this.commands = commands;
        this.clock = clock;
        this.instanceId = instanceId;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /**
     * Sweeps once: at most {@code batchSize} due clocks.
     *
     * @return the number of mark commands sent and accepted by the case
     */
    public int sweep() {
        int fired = 0;
        try {
            Instant now = clock.instant();
            for (String caseId : clocks.due(now, batchSize)) {
                Optional<MarkerSchedules.Claim> claim = clocks.claim(caseId, now, instanceId, lease);
                if (claim.isPresent() && fire(claim.get(), now)) {
                    fired++;
                }
            }
        } finally {
            completedSweeps.incrementAndGet();
        }
        return fired;
    }

    /** The actor recorded on the markers this sweep sends. */
    public static final String SWEEP_ACTOR = "case-service/sla-sweep";
    /** The client recorded on them: this service. */
    static final String SERVICE = "case-service";

    private boolean fire(MarkerSchedules.Claim claim, Instant now) {
        MarkerSchedule c = claim.clock();
        // a breach that is due records the at-risk marker first if it was missed, so send only the breach then
        boolean breach = claim.kind() == MarkerSchedule.Kind.BREACH || !now.isBefore(c.deadline());
        Object command = breach
                ? new MarkServiceStandardBreachedCommand(claim.caseId(), c.deadline(), now)
                : new MarkCaseAtRiskCommand(claim.caseId(), c.atRiskAt(), now);
        try {
            // no request here: the sweep itself is the actor (client: this service, a correlation id of its own), so the
            // history says who marked the case and the marker can be traced like a request's events
            commands.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(ActorMetadata.system(SWEEP_ACTOR, SERVICE)));
            sent.incrementAndGet();
            log.debug("{} sent {} for case {} due at {}", instanceId, breach ? "breach" : "at-risk", claim.caseId(), claim.dueAt());
            return true;
        } catch (RuntimeException e) {
            clocks.release(claim);
            if (isConcurrency(e)) {
                log.debug("case {} changed concurrently while marking; the next sweep decides again", claim.caseId());
            } else {
                log.warn("marking case {} ({}) failed; released for the next sweep", claim.caseId(),
                        breach ? "breach" : "at-risk", e);
            }
            return false;
        }
    }

    private static boolean isConcurrency(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** Sweeps finished (successfully or not) since start: lets tests and probes wait for whole sweeps. */
    public long completedSweeps() {
        return completedSweeps.get();
    }

    /** Mark commands this instance sent and the case accepted (whether or not they recorded an event). */
    public long sent() {
        return sent.get();
    }

    public String instanceId() {
        return instanceId;
    }
}
