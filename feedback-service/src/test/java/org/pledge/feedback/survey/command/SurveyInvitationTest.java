package org.pledge.feedback.survey.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.survey.api.CancelSurveyInvitationCommand;
import org.pledge.feedback.survey.api.CancelSurveyInvitationCommand.CancelReason;
import org.pledge.feedback.survey.api.InvitationTrigger;
import org.pledge.feedback.survey.api.InviteToSurveyCommand;
import org.pledge.feedback.survey.api.MarkSurveyAnsweredCommand;
import org.pledge.feedback.survey.api.PrepareSurveyInvitationCommand;
import org.pledge.feedback.survey.api.SurveyAnsweredEvent;
import org.pledge.feedback.survey.api.SurveyInvitationCancelledEvent;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.pledge.feedback.survey.api.SurveyInvitedEvent;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.platform.axon.CommandTargets;

class SurveyInvitationTest {

    private static final String CASE = "case-1";
    private static final String INVITATION = SurveyInvitationIds.forCase(CASE);
    private static final Instant SUBMITTED = Instant.parse("2025-03-03T14:00:00Z");
    private static final Instant INVITED = Instant.parse("2025-04-01T15:00:07Z");
    // 14 days after the invitation: 2025-04-01T15:00:07Z + 14 × 24 h
    private static final Instant EXPIRES = Instant.parse("2025-04-15T15:00:07Z");
    private static final SurveyInvitationPreparedEvent PREPARED =
            new SurveyInvitationPreparedEvent(INVITATION, CASE, "PASSPORT", "WEB", "fr-CA", SUBMITTED, "ref-7", "SMS");
    private static final SurveyInvitedEvent INVITED_ON_TIME = new SurveyInvitedEvent(INVITATION, CASE, "PASSPORT", "WEB", "ref-7",
            "fr-CA", "SMS", InvitationTrigger.CASE_RESOLVED, Timeliness.ON_TIME, INVITED, EXPIRES, "k1");

    private FixtureConfiguration<SurveyInvitation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SurveyInvitation.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    @Test
    void prepare_recordsTheInvitationAwaitingTheCaseEnd_whenTheCaseIsNew() {
        fixture.givenNoPriorActivity()
                .when(PrepareSurveyInvitationCommand.forCase(CASE, "PASSPORT", "WEB", "fr-CA", SUBMITTED, "ref-7", "SMS"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PREPARED);
    }

    @Test
    void prepare_changesNothing_whenTheCasesInvitationExists() {
        fixture.given(PREPARED)
                .when(PrepareSurveyInvitationCommand.forCase(CASE, "VISA", "PHONE", "en-CA", SUBMITTED.plusSeconds(5), "ref-8", "EMAIL"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void invitationIds_differPerCase_andRepeatForTheSameCase() {
        // a name-based UUID: the same case always gives the same invitation, another case another one
        assertThat(SurveyInvitationIds.forCase(CASE)).isEqualTo(INVITATION)
                .isNotEqualTo(SurveyInvitationIds.forCase("case-2"));
    }

    @Test
    void prepare_isRejected_whenTheInvitationIsNotTheCasesInvitation() {
        fixture.givenNoPriorActivity()
                .when(new PrepareSurveyInvitationCommand(SurveyInvitationIds.forCase("case-2"), CASE, "PASSPORT", "WEB", "fr-CA", SUBMITTED,
                        "ref-7", "SMS"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void prepare_isRejected_whenTheServiceTypeIsMissing() {
        fixture.givenNoPriorActivity()
                .when(PrepareSurveyInvitationCommand.forCase(CASE, null, "WEB", "fr-CA", SUBMITTED, "ref-7", "SMS"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void invite_invitesOnTime_whenThePreparedCaseIsResolvedOnTime() {
        fixture.given(PREPARED)
                .when(resolved(Timeliness.ON_TIME))
                .expectEvents(INVITED_ON_TIME);
    }

    @Test
    void invite_takesTheSubmittedFacts_whenTheCaseEventLacksThem() {
        fixture.given(PREPARED)
                .when(new InviteToSurveyCommand(INVITATION, CASE, null, null, null, null, null, InvitationTrigger.CASE_RESOLVED,
                        Timeliness.LATE, INVITED, EXPIRES, "k1"))
                .expectEvents(new SurveyInvitedEvent(INVITATION, CASE, "PASSPORT", "WEB", "ref-7", "fr-CA", "SMS",
                        InvitationTrigger.CASE_RESOLVED, Timeliness.LATE, INVITED, EXPIRES, "k1"));
    }

    @Test
    void invite_invitesFromTheCaseEventAlone_whenTheCaseWasNeverSeenSubmitted() {
        fixture.givenNoPriorActivity()
                .when(resolved(Timeliness.ON_TIME))
                .expectEvents(INVITED_ON_TIME);
    }

    @Test
    void invite_isLate_whenTheCaseBreaches() {
        fixture.given(PREPARED)
                .when(new InviteToSurveyCommand(INVITATION, CASE, "PASSPORT", "WEB", "ref-7", "fr-CA", "SMS",
                        InvitationTrigger.SERVICE_STANDARD_BREACHED, Timeliness.LATE, INVITED, EXPIRES, "k1"))
                .expectEvents(new SurveyInvitedEvent(INVITATION, CASE, "PASSPORT", "WEB", "ref-7", "fr-CA", "SMS",
                        InvitationTrigger.SERVICE_STANDARD_BREACHED, Timeliness.LATE, INVITED, EXPIRES, "k1"));
    }

    @Test
    void invite_changesNothing_whenInvitedAlready_likeAResolutionAfterABreachOrAReopening() {
        fixture.given(PREPARED, INVITED_ON_TIME)
                .when(new InviteToSurveyCommand(INVITATION, CASE, "PASSPORT", "WEB", "ref-7", "fr-CA", "SMS",
                        InvitationTrigger.CASE_RESOLVED, Timeliness.LATE, INVITED.plusSeconds(86_400), EXPIRES.plusSeconds(86_400), "k2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void invite_changesNothing_whenTheCaseWasWithdrawn() {
        fixture.given(PREPARED, new SurveyInvitationCancelledEvent(INVITATION, CASE, "PASSPORT", CancelReason.CASE_WITHDRAWN, INVITED))
                .when(resolved(Timeliness.ON_TIME))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void invite_isRejected_whenTheTimelinessIsOpen() {
        fixture.given(PREPARED)
                .when(resolved(Timeliness.OPEN))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void invite_isRejected_whenItExpiresBeforeItIsSent() {
        fixture.given(PREPARED)
                .when(new InviteToSurveyCommand(INVITATION, CASE, "PASSPORT", "WEB", "ref-7", "fr-CA", "SMS",
                        InvitationTrigger.CASE_RESOLVED, Timeliness.ON_TIME, INVITED, INVITED, "k1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void cancel_recordsTheCaseWithdrawn_whenNotInvitedYet() {
        fixture.given(PREPARED)
                .when(new CancelSurveyInvitationCommand(INVITATION, CASE, null, CancelReason.CASE_WITHDRAWN, INVITED))
                .expectEvents(new SurveyInvitationCancelledEvent(INVITATION, CASE, "PASSPORT", CancelReason.CASE_WITHDRAWN, INVITED));
    }

    @Test
    void cancel_recordsTheClientErased_evenForACaseNeverSeenSubmitted() {
        fixture.givenNoPriorActivity()
                .when(new CancelSurveyInvitationCommand(INVITATION, CASE, "VISA", CancelReason.CLIENT_ERASED, INVITED))
                .expectEvents(new SurveyInvitationCancelledEvent(INVITATION, CASE, "VISA", CancelReason.CLIENT_ERASED, INVITED));
    }

    @Test
    void cancel_changesNothing_whenInvitedAlready() {
        fixture.given(PREPARED, INVITED_ON_TIME)
                .when(new CancelSurveyInvitationCommand(INVITATION, CASE, "PASSPORT", CancelReason.CASE_WITHDRAWN, EXPIRES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void markAnswered_usesTheInvitationUp_once() {
        fixture.given(PREPARED, INVITED_ON_TIME)
                .when(new MarkSurveyAnsweredCommand(INVITATION, "fb-1", INVITED.plusSeconds(60)))
                .expectEvents(new SurveyAnsweredEvent(INVITATION, CASE, "fb-1", INVITED.plusSeconds(60)));
    }

    @Test
    void markAnswered_changesNothing_whenAnsweredAlready() {
        fixture.given(PREPARED, INVITED_ON_TIME, new SurveyAnsweredEvent(INVITATION, CASE, "fb-1", INVITED.plusSeconds(60)))
                .when(new MarkSurveyAnsweredCommand(INVITATION, "fb-2", INVITED.plusSeconds(120)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void markAnswered_isRejected_whenNotInvited() {
        fixture.given(PREPARED)
                .when(new MarkSurveyAnsweredCommand(INVITATION, "fb-1", INVITED))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void markAnswered_isRejected_whenTheInvitationDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new MarkSurveyAnsweredCommand(INVITATION, "fb-1", INVITED))
                .expectException(AggregateNotFoundException.class);
    }

    private static InviteToSurveyCommand resolved(Timeliness timeliness) {
        return new InviteToSurveyCommand(INVITATION, CASE, "PASSPORT", "WEB", "ref-7", "fr-CA", "SMS", InvitationTrigger.CASE_RESOLVED,
                timeliness, INVITED, EXPIRES, "k1");
    }
}
