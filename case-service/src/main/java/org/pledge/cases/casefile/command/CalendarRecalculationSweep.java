package org.pledge.cases.casefile.command;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.pledge.cases.CaseServiceException;
import org.pledge.cases.casefile.api.RecalculateDeadlineCommand;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.catalogue.api.CalendarVersions;
import org.pledge.platform.security.ActorMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles what {@link CalendarRecalculation} can miss: a case submitted while a new calendar version was being
 * published counts in the older version, and if {@code case_summaries} did not show it yet when the event handler
 * queried, nothing else would ever move it. Each sweep reads the newest version of every calendar from the catalogue
 * (one query), then, per calendar past version 1, the open cases the read model shows on an older version (one query,
 * at most {@code batchSize} ids), and sends each a {@link RecalculateDeadlineCommand} to the newest version at the
 * injected clock's instant. When nothing is behind, a sweep is just those queries.
 *
 * <p>Repeats are harmless: the Case aggregate ignores closed cases and versions it has already (the read model may lag
 * behind a recalculation just made), so several instances may sweep at once. A case whose command fails is logged and
 * left to the next sweep; the others go on.
 */
public class CalendarRecalculationSweep {

    /** The actor recorded on the recalculations this sweep sends. */
    static final String SWEEP_ACTOR = "case-service/calendar-sweep";
    private static final Logger log = LoggerFactory.getLogger(CalendarRecalculationSweep.class);

    private final CommandGateway commands;
    private final CalendarVersions catalogue;
    private final CaseSummaries summaries;
    private final Clock clock;
    private final int batchSize;
    private final AtomicLong completedSweeps = new AtomicLong();

    public CalendarRecalculationSweep(CommandGateway commands, CalendarVersions catalogue, CaseSummaries summaries, Clock clock, int batchSize) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.summaries = summaries;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Sweeps once.
     *
     * @return the recalculation commands the cases accepted (a case already on the version accepts and records nothing)
     */
    public int sweep() {
        int accepted = 0;
        try {
            for (Map.Entry<String, Integer> newest : catalogue.newestVersions().entrySet()) {
                String calendarId = newest.getKey();
                int version = newest.getValue();
                if (version <= 1) {
                    continue; // no case can count in an older version
                }
                List<String> behind = summaries.openOnOlderCalendarVersion(calendarId, version, batchSize);
                int sent = 0;
                for (String caseId : behind) {
                    if (recalculate(caseId, calendarId, version)) {
                        sent++;
                    }
                }
                if (!behind.isEmpty()) {
                    log.info("calendar {} version {}: {} of {} open case(s) shown on an older version recalculated", calendarId, version,
                            sent, behind.size());
                }
                accepted += sent;
            }
        } finally {
            completedSweeps.incrementAndGet();
        }
        return accepted;
    }

    private boolean recalculate(String caseId, String calendarId, int version) {
        RecalculateDeadlineCommand command = new RecalculateDeadlineCommand(caseId, calendarId, version, clock.instant());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(ActorMetadata.system(SWEEP_ACTOR, "case-service")));
            return true;
        } catch (CaseServiceException e) {
            log.warn("case {} not recalculated for calendar {} version {}: {} {}", caseId, calendarId, version, e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            if (isConcurrency(e)) {
                log.debug("case {} changed concurrently while recalculating; the next sweep decides again", caseId);
            } else {
                log.warn("recalculating case {} for calendar {} version {} failed; the next sweep retries", caseId, calendarId, version, e);
            }
        }
        return false;
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
}
