package org.pledge.feedback.feedback.command;

import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.feedback.api.FeedbackConflictException;
import org.pledge.feedback.feedback.api.FeedbackIds;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.feedback.api.FollowUpRequestedEvent;
import org.pledge.feedback.feedback.api.FollowUpRule;
import org.pledge.feedback.feedback.api.RecordFeedbackCommand;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.platform.axon.CommandTargets;

class FeedbackTest {

    private static final String INVITATION = "inv-1";
    private static final String SURVEY_FEEDBACK = FeedbackIds.forInvitation(INVITATION);
    private static final String CHANNEL_FEEDBACK = FeedbackIds.forChannel("kiosk-1", "key-1");
    private static final Instant AT = Instant.parse("2026-03-20T10:00:00Z");

    private FixtureConfiguration<Feedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Feedback.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        fixture.registerInjectableResource(new FollowUpRule(2));
    }

    private static RecordFeedbackCommand survey(int rating, boolean consent, String comment) {
        return new RecordFeedbackCommand(SURVEY_FEEDBACK, INVITATION, "case-1", "PASSPORT", FeedbackChannel.SURVEY_LINK, rating, 3, comment,
                List.of("waiting-time"), consent, Timeliness.LATE, "ref-1", "ref-1", "fr-CA", AT);
    }

    private static FeedbackReceivedEvent received(int rating, boolean consent, String comment) {
        return new FeedbackReceivedEvent(SURVEY_FEEDBACK, INVITATION, "case-1", "PASSPORT", FeedbackChannel.SURVEY_LINK, rating, 3, comment,
                List.of("waiting-time"), consent, Timeliness.LATE, "ref-1", "fr-CA", AT);
    }

    private static RecordFeedbackCommand kiosk(int rating) {
        return new RecordFeedbackCommand(CHANNEL_FEEDBACK, null, null, "PASSPORT", FeedbackChannel.KIOSK, rating, null, null, List.of(),
                true, Timeliness.OPEN, null, "anonymous:" + CHANNEL_FEEDBACK, null, AT);
    }

    @Test
    void answer_recordsTheFeedback_withoutFollowUp_whenTheRatingIsHigh() {
        fixture.givenNoPriorActivity()
                .when(survey(4, true, "Fine"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received(4, true, "Fine"));
    }

    @Test
    void answer_requestsAFollowUp_whenTheRatingIsLowWithConsentAboutAKnownClient() {
        fixture.givenNoPriorActivity()
                .when(survey(2, true, null))
                .expectEvents(received(2, true, null), new FollowUpRequestedEvent(FeedbackIds.followUpOf(SURVEY_FEEDBACK), SURVEY_FEEDBACK,
                        "case-1", "PASSPORT", "ref-1", "fr-CA", 2, "low-rating", AT));
    }

    @Test
    void answer_requestsNoFollowUp_withoutConsent() {
        fixture.givenNoPriorActivity()
                .when(survey(1, false, null))
                .expectEvents(received(1, false, null));
    }

    @Test
    void channelFeedback_requestsNoFollowUp_withoutAKnownClient() {
        fixture.givenNoPriorActivity()
                .when(kiosk(1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FeedbackReceivedEvent(CHANNEL_FEEDBACK, null, null, "PASSPORT", FeedbackChannel.KIOSK, 1, null, null,
                        List.of(), true, Timeliness.OPEN, "anonymous:" + CHANNEL_FEEDBACK, null, AT));
    }

    @Test
    void sameAnswerAgain_recordsNothing() {
        fixture.given(received(4, true, "Fine"))
                .when(survey(4, true, "Fine"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAnswerToTheSameInvitation_isRefusedAsUsed() {
        fixture.given(received(4, true, "Fine"))
                .when(survey(5, true, "Fine"))
                .expectException(SurveyTokenException.class)
                .expectNoEvents();
    }

    @Test
    void anotherAnswerUnderTheSameChannelKey_isAConflict() {
        fixture.given(new FeedbackReceivedEvent(CHANNEL_FEEDBACK, null, null, "PASSPORT", FeedbackChannel.KIOSK, 1, null, null,
                        List.of(), true, Timeliness.OPEN, "anonymous:" + CHANNEL_FEEDBACK, null, AT))
                .when(kiosk(2))
                .expectException(FeedbackConflictException.class)
                .expectNoEvents();
    }

    @Test
    void answer_isRejected_whenTheFeedbackIsNotTheInvitations() {
        fixture.givenNoPriorActivity()
                .when(new RecordFeedbackCommand(CHANNEL_FEEDBACK, INVITATION, "case-1", "PASSPORT", FeedbackChannel.SURVEY_LINK, 4, null,
                        null, List.of(), false, Timeliness.LATE, "ref-1", "ref-1", "fr-CA", AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
