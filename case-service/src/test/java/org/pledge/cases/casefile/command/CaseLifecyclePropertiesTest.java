package org.pledge.cases.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.cases.casefile.command.CaseMother.CALENDAR_ID;
import static org.pledge.cases.casefile.command.CaseMother.CASE_ID;
import static org.pledge.cases.casefile.command.CaseMother.SUBMITTED_AT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.MarkCaseAtRiskCommand;
import org.pledge.cases.casefile.api.MarkServiceStandardBreachedCommand;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.RecalculateDeadlineCommand;
import org.pledge.cases.casefile.api.RecordInformationReceivedCommand;
import org.pledge.cases.casefile.api.ReopenCaseCommand;
import org.pledge.cases.casefile.api.RequestInformationCommand;
import org.pledge.cases.casefile.api.ResolveCaseCommand;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.cases.casefile.api.WithdrawCaseCommand;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.platform.axon.CommandTargets;

/**
 * Random walks over the valid transitions of a case (with scheduler commands, pauses, reopenings and a calendar
 * change at random instants) keep the clock's promises: at-risk and breach each at most once and in that order,
 * never while paused or closed, never before they are due, a breach always recorded before a late resolution,
 * and "on time" exactly when there was no breach.
 */
class CaseLifecyclePropertiesTest {

    /** One step: which of the allowed commands to send, and how many minutes pass before it. */
    record Step(int choice, int minutesLater) {
    }

    @Property(tries = 60)
    void markers_areRecordedOnceInOrder_whenDue_andNeverWhilePausedOrClosed(
            @ForAll("walks") List<Step> walk, @ForAll @IntRange(min = 0, max = 20) int receivedDaysEarlier) {
        FixtureConfiguration<CaseAggregate> fixture = new AggregateTestFixture<>(CaseAggregate.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(CaseMother.catalogue().with(CaseMother.calendarV2()));

        List<Object> commands = new ArrayList<>();
        commands.add(receivedDaysEarlier == 0 ? CaseMother.submit()
                : CaseMother.submitOnPaper(SUBMITTED_AT.minus(Duration.ofDays(receivedDaysEarlier)), "mailroom-7"));
        CaseStatus status = CaseStatus.SUBMITTED;
        Instant now = SUBMITTED_AT;
        int assignee = 0;
        for (Step step : walk) {
            now = now.plus(Duration.ofMinutes(step.minutesLater()));
            List<Object> allowed = new ArrayList<>(List.of(
                    new MarkCaseAtRiskCommand(CASE_ID, now, now),
                    new MarkServiceStandardBreachedCommand(CASE_ID, now, now),
                    new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 2, now)));
            switch (status) {
                case SUBMITTED -> allowed.add(new AssignCaseCommand(CASE_ID, "agent-" + (++assignee % 2), now));
                case ASSIGNED -> allowed.add(new StartWorkOnCaseCommand(CASE_ID, now));
                case IN_PROGRESS -> {
                    allowed.add(new RequestInformationCommand(CASE_ID, "missing-photo", now));
                    allowed.add(new ResolveCaseCommand(CASE_ID, Outcome.APPROVED, "done", now));
                    allowed.add(new AssignCaseCommand(CASE_ID, "agent-" + (++assignee % 2), now));
                }
                case AWAITING_INFORMATION -> {
                    allowed.add(new RecordInformationReceivedCommand(CASE_ID, now));
                    allowed.add(new ResolveCaseCommand(CASE_ID, Outcome.OTHER, "no answer", now));
                }
                case RESOLVED -> allowed.add(new ReopenCaseCommand(CASE_ID, "decision-error", now));
                case WITHDRAWN -> {
                }
            }
            if (status.isOpen() && step.choice() % 7 == 0) {
                allowed.add(new WithdrawCaseCommand(CASE_ID, WithdrawnBy.CHANNEL, "no longer needed", now));
            }
            Object command = allowed.get(step.choice() % allowed.size());
            commands.add(command);
            status = next(status, command);
        }

        fixture.givenCommands(commands.subList(0, commands.size() - 1))
                .when(commands.get(commands.size() - 1))
                .expectSuccessfulHandlerExecution();
        List<Object> events = fixture.getEventStore().readEvents(CASE_ID).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();

        checkClockPromises(events);
    }

    private static void checkClockPromises(List<Object> events) {
        Instant deadline = null;
        Instant atRiskAt = null;
        boolean paused = false;
        boolean open = true;
        boolean atRisk = false;
        boolean breached = false;
        for (Object event : events) {
            if (event instanceof CaseSubmittedEvent e) {
                deadline = e.deadline();
                atRiskAt = e.atRiskAt();
            } else if (event instanceof CaseMarkedAtRiskEvent e) {
                assertThat(atRisk).as("at risk recorded twice").isFalse();
                assertThat(open && !paused).as("at risk while paused or closed").isTrue();
                assertThat(e.markedAt()).isAfterOrEqualTo(atRiskAt);
                atRisk = true;
            } else if (event instanceof ServiceStandardBreachedEvent e) {
                assertThat(breached).as("breach recorded twice").isFalse();
                assertThat(atRisk).as("breach before at risk").isTrue();
                assertThat(open && !paused).as("breach while paused or closed").isTrue();
                assertThat(e.markedAt()).isAfterOrEqualTo(deadline);
                breached = true;
            } else if (event instanceof InformationRequestedEvent e) {
                assertThat(breached || e.requestedAt().isBefore(deadline)).as("paused after the deadline without a breach").isTrue();
                paused = true;
            } else if (event instanceof InformationReceivedEvent e) {
                assertThat(!breached || e.deadline().equals(deadline)).as("deadline moved after the breach").isTrue();
                deadline = e.deadline();
                atRiskAt = e.atRiskAt();
                paused = false;
            } else if (event instanceof CaseResolvedEvent e) {
                assertThat(e.onTime()).isEqualTo(!breached);
                assertThat(e.latenessInBusinessDays() >= 1).isEqualTo(breached);
                assertThat(breached || paused || e.resolvedAt().isBefore(deadline)).as("resolved late without a breach").isTrue();
                open = false;
                paused = false;
            } else if (event instanceof CaseWithdrawnEvent) {
                open = false;
                paused = false;
            } else if (event instanceof CaseReopenedEvent e) {
                assertThat(!breached || e.deadline().equals(deadline)).as("deadline moved after the breach").isTrue();
                deadline = e.deadline();
                atRiskAt = e.atRiskAt();
                open = true;
            } else if (event instanceof DeadlineRecalculatedEvent e) {
                assertThat(!breached || e.deadline().equals(deadline)).as("deadline moved after the breach").isTrue();
                deadline = e.deadline();
                atRiskAt = e.atRiskAt();
            }
        }
    }

    private static CaseStatus next(CaseStatus status, Object command) {
        if (command instanceof AssignCaseCommand) {
            return status == CaseStatus.SUBMITTED ? CaseStatus.ASSIGNED : status;
        }
        if (command instanceof StartWorkOnCaseCommand || command instanceof RecordInformationReceivedCommand
                || command instanceof ReopenCaseCommand) {
            return CaseStatus.IN_PROGRESS;
        }
        if (command instanceof RequestInformationCommand) {
            return CaseStatus.AWAITING_INFORMATION;
        }
        if (command instanceof ResolveCaseCommand) {
            return CaseStatus.RESOLVED;
        }
        if (command instanceof WithdrawCaseCommand) {
            return CaseStatus.WITHDRAWN;
        }
        return status;
    }

    @Provide
    Arbitrary<List<Step>> walks() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 4 * 24 * 60))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(25);
    }
}
