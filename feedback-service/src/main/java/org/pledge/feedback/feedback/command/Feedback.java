package org.pledge.feedback.feedback.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.feedback.feedback.api.FeedbackChannel;
import org.pledge.feedback.feedback.api.FeedbackConflictException;
import org.pledge.feedback.feedback.api.FeedbackIds;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.feedback.api.FollowUpRequestedEvent;
import org.pledge.feedback.feedback.api.FollowUpRule;
import org.pledge.feedback.feedback.api.RecordFeedbackCommand;
import org.pledge.feedback.survey.api.SurveyTokenException;

/**
 * One answer: to a survey invitation (its id a function of the invitation's, {@link FeedbackIds#forInvitation}) or
 * given through a channel under an {@code Idempotency-Key} ({@link FeedbackIds#forChannel}). Created by its first
 * {@link RecordFeedbackCommand} ({@code CREATE_IF_MISSING}); the same answer again (a retry, a double click) finds it and
 * records nothing; another answer is refused: {@link SurveyTokenException} {@code USED} for a survey link,
 * {@link FeedbackConflictException} for a channel's reused key.
 *
 * <p>Records {@link FeedbackReceivedEvent}, and {@link FollowUpRequestedEvent} when the {@link FollowUpRule} wants
 * someone to contact the client.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class Feedback {

    private static final String LOW_RATING = "low-rating";

    @AggregateIdentifier
    private String feedbackId;
    private Answer answer;

    /** What makes two answers the same: everything the client (or the channel) said, and what it is about. */
    private record Answer(String invitationId, String caseId, String serviceType, FeedbackChannel channel, int rating, Integer effort,
                          String comment, List<String> painPoints, boolean consentToContact) {
    }

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected Feedback() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordFeedbackCommand command, FollowUpRule followUps) {
        Answer given = new Answer(command.invitationId(), command.caseId(), command.serviceType(), command.channel(), command.rating(),
                command.effort(), command.comment(), List.copyOf(command.painPoints()), command.consentToContact());
        if (feedbackId != null) {
            if (answer.equals(given)) {
                return; // the same answer again: accepted, nothing more recorded
            }
            if (answer.channel() == FeedbackChannel.SURVEY_LINK) {
                throw new SurveyTokenException(SurveyTokenException.Reason.USED, "This survey was answered already.");
            }
            throw new FeedbackConflictException();
        }
        check(command);
        apply(new FeedbackReceivedEvent(command.feedbackId(), command.invitationId(), command.caseId(), command.serviceType(),
                command.channel(), command.rating(), command.effort(), command.comment(), List.copyOf(command.painPoints()),
                command.consentToContact(), command.timeliness(), command.subjectRef(), command.language(), command.receivedAt()));
        if (followUps.wanted(command.rating(), command.consentToContact(), command.caseId(), command.applicantReference())) {
            apply(new FollowUpRequestedEvent(FeedbackIds.followUpOf(command.feedbackId()), command.feedbackId(), command.caseId(),
                    command.serviceType(), command.applicantReference(), command.language(), command.rating(), LOW_RATING,
                    command.receivedAt()));
        }
    }

    @EventSourcingHandler
    void on(FeedbackReceivedEvent event) {
        feedbackId = event.feedbackId();
        answer = new Answer(event.invitationId(), event.caseId(), event.serviceType(), event.channel(), event.rating(), event.effort(),
                event.comment(), List.copyOf(event.painPoints()), event.consentToContact());
    }

    /** What the intake checked already; an answer that gets here otherwise is a programming error, not a client's. */
    private static void check(RecordFeedbackCommand command) {
        Objects.requireNonNull(command.channel(), "channel");
        Objects.requireNonNull(command.timeliness(), "timeliness");
        Objects.requireNonNull(command.receivedAt(), "receivedAt");
        Objects.requireNonNull(command.painPoints(), "painPoints");
        if (command.serviceType() == null || command.serviceType().isBlank()) {
            throw new IllegalArgumentException("serviceType is required");
        }
        if (command.rating() < 1 || command.rating() > 5 || command.effort() != null && (command.effort() < 1 || command.effort() > 7)) {
            throw new IllegalArgumentException("rating 1..5, effort 1..7");
        }
        boolean survey = command.channel() == FeedbackChannel.SURVEY_LINK;
        String expected = survey ? FeedbackIds.forInvitation(command.invitationId()) : null;
        if (survey != (command.invitationId() != null) || survey && !expected.equals(command.feedbackId())) {
            throw new IllegalArgumentException("feedback " + command.feedbackId() + " does not match its invitation");
        }
        if (command.subjectRef() == null || command.subjectRef().isBlank()) {
            throw new IllegalArgumentException("subjectRef is required");
        }
    }
}
