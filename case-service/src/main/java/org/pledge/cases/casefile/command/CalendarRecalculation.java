package org.pledge.cases.casefile.command;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.cases.CaseServiceException;
import org.pledge.cases.casefile.api.RecalculateDeadlineCommand;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.api.CalendarVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a calendar publishes a new version, every open case counting in it adopts the version: one
 * {@link RecalculateDeadlineCommand} per case found open in {@code case_summaries}, at the injected clock's instant.
 * The Case aggregate ignores closed cases and versions it already has, so redelivery is harmless; a replay is
 * refused ({@link DisallowReplay}) so rebuilding read models never recalculates again.
 *
 * <p>It first waits (bounded) until the {@code catalogue} projection stored the version, since the aggregate looks
 * it up there. A case the aggregate rejects (e.g. a command older than its last change) is logged and skipped, so one case
 * cannot hold up the others; any other failure propagates and the processor retries the event.
 *
 * <p>A case submitted while the version was being published (its deadline used the older version) but not yet in
 * {@code case_summaries} when this handler queries is not found here; {@link CalendarRecalculationSweep} moves it later.
 */
@Component
@ProcessingGroup(CalendarRecalculation.GROUP)
@DisallowReplay
public class CalendarRecalculation {

    public static final String GROUP = "calendar-recalculation";
    private static final Logger log = LoggerFactory.getLogger(CalendarRecalculation.class);

    private static final Duration CATALOGUE_WAIT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final CalendarVersions catalogue;
    private final CaseSummaries caseSummaries;
    private final Clock clock;

    CalendarRecalculation(CommandGateway commands, CalendarVersions catalogue, CaseSummaries caseSummaries, Clock clock) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.caseSummaries = caseSummaries;
        this.clock = clock;
    }

    @EventHandler
    void on(BusinessCalendarPublishedEvent event) {
        if (event.version() <= 1) {
            return; // the first version: no case can count in an older one
        }
        // the Case aggregate reads the version from the catalogue projection, another processor: wait until it is there
        if (!catalogue.awaitCalendar(event.calendarId(), event.version(), CATALOGUE_WAIT)) {
            throw new IllegalStateException("calendar " + event.calendarId() + " version " + event.version()
                    + " is not in the catalogue yet; the event will be retried");
        }
        List<String> open = caseSummaries.openOnOlderCalendarVersion(event.calendarId(), event.version(), 0);
        int recalculated = 0;
        for (String caseId : open) {
            try {
                commands.sendAndWait(new RecalculateDeadlineCommand(caseId, event.calendarId(), event.version(), clock.instant()));
                recalculated++;
            } catch (CaseServiceException e) {
                log.warn("case {} not recalculated for calendar {} version {}: {} {}", caseId, event.calendarId(), event.version(),
                        e.errorCode(), e.getMessage());
            }
        }
        log.info("calendar {} version {}: {} of {} open case(s) recalculated", event.calendarId(), event.version(), recalculated, open.size());
    }
}
