package org.pledge.cases.catalogue.command;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.pledge.cases.CaseServiceException;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.RecalculateDeadlineCommand;
import org.pledge.cases.catalogue.api.BusinessCalendarPublishedEvent;
import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
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
 */
@Component
@ProcessingGroup(CalendarRecalculation.GROUP)
@DisallowReplay
public class CalendarRecalculation {

    public static final String GROUP = "calendar-recalculation";
    private static final Logger log = LoggerFactory.getLogger(CalendarRecalculation.class);

    private static final Duration CATALOGUE_WAIT = Duration.ofSeconds(30);

    private final CommandGateway commands;
    private final MongoCatalogue catalogue;
    private final MongoCollection<Document> caseSummaries;
    private final Clock clock;

    CalendarRecalculation(CommandGateway commands, MongoCatalogue catalogue, MongoDatabaseFactory databases, Clock clock) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.caseSummaries = databases.getMongoDatabase().getCollection("case_summaries");
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
        List<String> open = new ArrayList<>();
        caseSummaries.find(Filters.and(Filters.eq("calendarId", event.calendarId()),
                        Filters.exists("status"),
                        Filters.nin("status", CaseStatus.RESOLVED.name(), CaseStatus.WITHDRAWN.name()),
                        Filters.lt("calendarVersion", event.version())))
                .projection(Projections.include("_id"))
                .forEach(d -> open.add(d.getString("_id")));
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
