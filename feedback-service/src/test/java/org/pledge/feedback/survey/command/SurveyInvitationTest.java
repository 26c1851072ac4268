package org.pledge.feedback.survey.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.survey.api.PrepareSurveyInvitationCommand;
import org.pledge.feedback.survey.api.SurveyInvitationIds;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.pledge.platform.axon.CommandTargets;

class SurveyInvitationTest {

    private static final String CASE = "case-1";
    private static final String INVITATION = SurveyInvitationIds.forCase(CASE);
    private static final Instant SUBMITTED = Instant.parse("2025-03-03T14:00:00Z");

    private FixtureConfiguration<SurveyInvitation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SurveyInvitation.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    @Test
    void prepare_recordsTheInvitationAwaitingTheCaseEnd_whenTheCaseIsNew() {
        fixture.givenNoPriorActivity()
                .when(PrepareSurveyInvitationCommand.forCase(CASE, "PASSPORT", "WEB", "fr-CA", SUBMITTED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SurveyInvitationPreparedEvent(INVITATION, CASE, "PASSPORT", "WEB", "fr-CA", SUBMITTED));
    }

    @Test
    void prepare_changesNothing_whenTheCasesInvitationExists() {
        fixture.given(new SurveyInvitationPreparedEvent(INVITATION, CASE, "PASSPORT", "WEB", "fr-CA", SUBMITTED))
                .when(PrepareSurveyInvitationCommand.forCase(CASE, "VISA", "PHONE", "en-CA", SUBMITTED.plusSeconds(5)))
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
                .when(new PrepareSurveyInvitationCommand(SurveyInvitationIds.forCase("case-2"), CASE, "PASSPORT", "WEB", "fr-CA", SUBMITTED))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void prepare_isRejected_whenTheServiceTypeIsMissing() {
        fixture.givenNoPriorActivity()
                .when(PrepareSurveyInvitationCommand.forCase(CASE, null, "WEB", "fr-CA", SUBMITTED))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
