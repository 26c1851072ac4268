package org.pledge.feedback.feedback.intake;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.survey.api.MarkSurveyAnsweredCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a survey invitation it was answered ({@link MarkSurveyAnsweredCommand}, idempotent) once its answer is recorded,
 * so that its link is reported used. From the event, not the request: a crash between the two cannot leave an answered
 * invitation open; the processor retries until it is told. Not on a replay (it was told the first time).
 */
@Component
@ProcessingGroup(SurveyInvitationAnswers.GROUP)
class SurveyInvitationAnswers {

    static final String GROUP = "survey-invitation-answers";
    private static final Logger log = LoggerFactory.getLogger(SurveyInvitationAnswers.class);

    private final CommandGateway commands;

    SurveyInvitationAnswers(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(FeedbackReceivedEvent event) {
        if (event.invitationId() == null) {
            return;
        }
        try {
            commands.sendAndWait(new MarkSurveyAnsweredCommand(event.invitationId(), event.feedbackId(), event.receivedAt()));
        } catch (IllegalStateException e) {
            // the invitation is no longer open (cancelled since): the answer stands, nothing to tell
            log.warn("survey invitation {} could not be marked answered by feedback {}: {}", event.invitationId(), event.feedbackId(),
                    e.getMessage());
        }
    }
}
