package org.pledge.cases.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pledge.cases.it.CaseServiceITSupport;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.ResolveCaseCommand;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.casefile.api.WithdrawCaseCommand;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.casefile.query.CaseSummary;
import org.pledge.cases.catalogue.api.DefineServiceTypeCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.PublishBusinessCalendarCommand;
import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.pledge.testsupport.await.Eventually;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The recalculation window, reproduced with the real processors: {@code case-summaries} is held back while a case is
 * submitted on version 1 and version 2 is published, so the recalculation on publishing cannot see the case (as when
 * the case is stored just before the new version and its summary arrives just after the query). Once the read model
 * shows the case on version 1, nothing else moves it; the sweep does, and leaves the resolved and withdrawn cases on
 * version 1. The scheduled sweep is stopped meanwhile, so only the sweep the test calls runs.
 */
class CalendarRecalculationSweepIT extends CaseServiceITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CaseSummaries summaries;
    @Autowired
    MongoCatalogue catalogue;
    @Autowired
    CalendarRecalculationSweep sweep;
    @Autowired
    ApplicationContext context;

    @Test
    void aCaseTheRecalculationOnPublishingMissed_isMovedByTheSweep_whileClosedCasesKeepTheirVersion() {
        String calendarId = "IT-SWEEP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String code = calendarId + "-SVC";
        // every day a business day in UTC, so one holiday inside the window moves a deadline by exactly one day
        commands.sendAndWait(new PublishBusinessCalendarCommand(calendarId, "UTC", Set.of(), Set.of(), false, clock.instant()));
        assertThat(catalogue.awaitCalendar(calendarId, 1, WAIT)).isTrue();
        commands.sendAndWait(new DefineServiceTypeCommand(code, Map.of("en", "Test service", "fr", "Service de test"),
                Money.of("120.00", "CAD"), "10 business days", null, null, true, calendarId, Instant.parse("2020-01-01T00:00:00Z"), false,
                clock.instant()));
        assertThat(catalogue.awaitServiceType(code, 1, WAIT)).isTrue();

        String seen = submit(code);
        String resolved = submit(code);
        commands.sendAndWait(new AssignCaseCommand(resolved, "cw-1", clock.instant()));
        commands.sendAndWait(new StartWorkOnCaseCommand(resolved, clock.instant()));
        commands.sendAndWait(new ResolveCaseCommand(resolved, Outcome.APPROVED, "done", clock.instant()));
        awaitSummary(seen, s -> s.status().equals("SUBMITTED"));
        awaitSummary(resolved, s -> s.status().equals("RESOLVED"));

        SmartLifecycle schedule = context.getBean("calendarRecalculationSchedule", SmartLifecycle.class);
        StreamingEventProcessor caseSummaries = processing.eventProcessor("case-summaries", StreamingEventProcessor.class).orElseThrow();
        schedule.stop();
        String missed;
        String withdrawn;
        try {
            caseSummaries.shutDown();
            try {
                missed = submit(code); // counts in version 1; case_summaries does not show it yet
                withdrawn = submit(code);
                commands.sendAndWait(new WithdrawCaseCommand(withdrawn, WithdrawnBy.CHANNEL, "no longer needed", clock.instant()));
                LocalDate holiday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(3);
                assertThat((Integer) commands.sendAndWait(new PublishBusinessCalendarCommand(calendarId, "UTC", Set.of(), Set.of(holiday), false,
                        clock.instant()))).isEqualTo(2);
                // the handler queried before it recalculated the case it saw: by then it had missed the other one
                Eventually.await("the recalculation on publishing", WAIT).until(() -> !events(seen, DeadlineRecalculatedEvent.class).isEmpty());
            } finally {
                caseSummaries.start();
            }
            awaitSummary(seen, s -> s.calendarVersion() == 2);
            awaitSummary(withdrawn, s -> s.status().equals("WITHDRAWN"));
            CaseSummary stale = awaitSummary(missed, s -> s.status().equals("SUBMITTED"));
            assertThat(stale.calendarVersion()).as("the case the recalculation on publishing missed").isEqualTo(1);
            assertThat(events(missed, DeadlineRecalculatedEvent.class)).isEmpty();
            assertThat(summaries.openOnOlderCalendarVersion(calendarId, 2, 0)).containsExactly(missed);

            assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

            List<EventMessage<?>> recalculations = events(missed, DeadlineRecalculatedEvent.class);
            assertThat(recalculations).hasSize(1);
            DeadlineRecalculatedEvent moved = (DeadlineRecalculatedEvent) recalculations.get(0).getPayload();
            CaseSubmittedEvent submitted = (CaseSubmittedEvent) events(missed, CaseSubmittedEvent.class).get(0).getPayload();
            assertThat(moved.calendarVersion()).isEqualTo(2);
            assertThat(moved.deadline()).isEqualTo(submitted.deadline().plus(Duration.ofDays(1)));
            assertThat(recalculations.get(0).getMetaData().get("actor")).isEqualTo(CalendarRecalculationSweep.SWEEP_ACTOR);
            awaitSummary(missed, s -> s.calendarVersion() == 2);

            // closed cases keep the version and the deadline they had; the case seen on publishing moved once
            assertThat(lastEvent(resolved)).isInstanceOf(CaseResolvedEvent.class);
            assertThat(events(resolved, DeadlineRecalculatedEvent.class)).isEmpty();
            assertThat(summaries.find(resolved).orElseThrow().calendarVersion()).isEqualTo(1);
            assertThat(lastEvent(withdrawn)).isInstanceOf(CaseWithdrawnEvent.class);
            assertThat(events(withdrawn, DeadlineRecalculatedEvent.class)).isEmpty();
            assertThat(summaries.find(withdrawn).orElseThrow().calendarVersion()).isEqualTo(1);
            assertThat(events(seen, DeadlineRecalculatedEvent.class)).hasSize(1);

            // nothing is behind any more: another sweep records nothing for these cases
            assertThat(summaries.openOnOlderCalendarVersion(calendarId, 2, 0)).isEmpty();
            long before = eventStore.readEvents(missed).asStream().count();
            sweep.sweep();
            assertThat(eventStore.readEvents(missed).asStream().count()).isEqualTo(before);
        } finally {
            schedule.start();
        }
    }

    // ------------------------------------------------------------------ helpers

    private String submit(String serviceType) {
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitCaseCommand(caseId, serviceType, SubmissionChannel.WEB, clock.instant(), null, null,
                new Applicant("ref-1", "Marie Tremblay", "marie@example.org", null, null, "fr-CA", PreferredChannel.EMAIL),
                Money.of("120.00", "CAD")));
        return caseId;
    }

    private CaseSummary awaitSummary(String caseId, java.util.function.Predicate<CaseSummary> until) {
        return Eventually.await("summary of " + caseId, WAIT).until(() -> summaries.find(caseId).orElse(null), s -> s != null && until.test(s));
    }

    private List<EventMessage<?>> events(String caseId, Class<?> type) {
        return eventStore.readEvents(caseId).asStream().filter(e -> type.isInstance(e.getPayload())).<EventMessage<?>>map(e -> e).toList();
    }

    private Object lastEvent(String caseId) {
        List<? extends EventMessage<?>> all = eventStore.readEvents(caseId).asStream().toList();
        return all.get(all.size() - 1).getPayload();
    }
}
