package org.pledge.cases.casefile.command;

import static org.pledge.cases.casefile.command.CaseMother.CASE_ID;
import static org.pledge.cases.casefile.command.CaseMother.SUBMITTED_AT;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.ClientNotificationFailedEvent;
import org.pledge.cases.casefile.api.ClientNotifiedEvent;
import org.pledge.cases.casefile.api.InvalidCaseCommandException;
import org.pledge.cases.casefile.api.RecordClientNotificationFailedCommand;
import org.pledge.cases.casefile.api.RecordClientNotifiedCommand;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.platform.axon.CommandTargets;

/** What the client was told, recorded on the case by {@link ClientNotifications}. Dates: see {@link CaseMother}. */
class ClientNotificationsTest {

    /** Two seconds after the submission: the "received" email went out. */
    private static final Instant TOLD_AT = Instant.parse("2025-06-02T14:00:02Z");
    /** A week after: notification-service gave up on a later message. */
    private static final Instant GAVE_UP_AT = Instant.parse("2025-06-09T14:00:00Z");

    private FixtureConfiguration<CaseAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(CaseMother.catalogue());
    }

    private static RecordClientNotifiedCommand told(String notificationId, Instant at) {
        return new RecordClientNotifiedCommand(CASE_ID, notificationId, "case-submitted", "case-submitted", "pledge.case.submitted.v1",
                "EMAIL", "fr-CA", at);
    }

    private static ClientNotifiedEvent notified(String notificationId, Instant at) {
        return new ClientNotifiedEvent(CASE_ID, notificationId, "case-submitted", "case-submitted", "pledge.case.submitted.v1",
                "EMAIL", "fr-CA", at);
    }

    private static RecordClientNotificationFailedCommand notTold(String notificationId) {
        return new RecordClientNotificationFailedCommand(CASE_ID, notificationId, "case-resolved", "case-resolved",
                "pledge.case.resolved.v1", "LETTER", List.of("EMAIL", "LETTER"), "address-rejected", GAVE_UP_AT);
    }

    private static ClientNotificationFailedEvent failed(String notificationId) {
        return new ClientNotificationFailedEvent(CASE_ID, notificationId, "case-resolved", "case-resolved", "pledge.case.resolved.v1",
                "LETTER", List.of("EMAIL", "LETTER"), "address-rejected", GAVE_UP_AT);
    }

    @Test
    void told_recordsWhatTheClientWasTold() {
        fixture.given(CaseMother.submitted())
                .when(told("n-1", TOLD_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(notified("n-1", TOLD_AT));
    }

    @Test
    void told_recordsNothing_whenTheSameNotificationComesAgain() {
        fixture.given(CaseMother.submitted(), notified("n-1", TOLD_AT))
                .when(told("n-1", TOLD_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void told_recordsEachNotification_whenTwoDiffer() {
        fixture.given(CaseMother.submitted(), notified("n-1", TOLD_AT))
                .when(told("n-2", GAVE_UP_AT))
                .expectEvents(notified("n-2", GAVE_UP_AT));
    }

    @Test
    void told_isRecorded_onAClosedCase() {
        fixture.given(CaseMother.submitted(), new CaseWithdrawnEvent(CASE_ID, WithdrawnBy.CHANNEL, "no longer needed", SUBMITTED_AT))
                .when(told("n-1", TOLD_AT))
                .expectEvents(notified("n-1", TOLD_AT));
    }

    @Test
    void told_leavesTheCasesClockAlone_soAnEarlierCommandIsStillInOrder() {
        // told a week after submission; an assignment an hour after submission is not "out of order" for it
        Instant assignedAt = SUBMITTED_AT.plusSeconds(3600);
        fixture.given(CaseMother.submitted(), notified("n-1", GAVE_UP_AT))
                .when(new AssignCaseCommand(CASE_ID, "agent-smith", assignedAt))
                .expectEvents(new CaseAssignedEvent(CASE_ID, "agent-smith", assignedAt));
    }

    @Test
    void failed_isRecordedOnce_andBesideALateDeliveryOfTheSameNotification() {
        fixture.given(CaseMother.submitted())
                .when(notTold("n-9"))
                .expectEvents(failed("n-9"));
        setUp();
        fixture.given(CaseMother.submitted(), failed("n-9"))
                .when(notTold("n-9"))
                .expectNoEvents();
        setUp();
        fixture.given(CaseMother.submitted(), failed("n-9"))
                .when(told("n-9", GAVE_UP_AT.plusSeconds(60)))
                .expectEvents(notified("n-9", GAVE_UP_AT.plusSeconds(60)));
    }

    @Test
    void told_isRejected_withoutANotificationIdOrChannel() {
        fixture.given(CaseMother.submitted())
                .when(new RecordClientNotifiedCommand(CASE_ID, " ", "r", "t", "pledge.case.submitted.v1", "EMAIL", "en", TOLD_AT))
                .expectException(InvalidCaseCommandException.class)
                .expectNoEvents();
        setUp();
        fixture.given(CaseMother.submitted())
                .when(new RecordClientNotifiedCommand(CASE_ID, "n-1", "r", "t", "pledge.case.submitted.v1", null, "en", TOLD_AT))
                .expectException(InvalidCaseCommandException.class)
                .expectNoEvents();
    }

    @Test
    void told_isRefused_forAnUnknownCase() {
        fixture.givenNoPriorActivity()
                .when(told("n-1", TOLD_AT))
                .expectException(AggregateNotFoundException.class);
    }
}
