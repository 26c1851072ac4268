package org.pledge.feedback.survey.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.feedback.survey.api.SurveyAnsweredEvent;
import org.pledge.feedback.survey.api.SurveyInvitationCancelledEvent;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.pledge.feedback.survey.api.SurveyInvitedEvent;
import org.springframework.stereotype.Component;

/** Keeps {@link SurveyInvitations} in step with the invitations' events; idempotent, so a replay rebuilds it. */
@Component
@ProcessingGroup(SurveyInvitationProjection.GROUP)
class SurveyInvitationProjection {

    static final String GROUP = "survey-invitations";

    private final SurveyInvitations invitations;

    SurveyInvitationProjection(SurveyInvitations invitations) {
        this.invitations = invitations;
    }

    @EventHandler
    void on(SurveyInvitationPreparedEvent event, @SequenceNumber long sequence) {
        invitations.apply(event.caseId(), sequence, current -> InvitationDocument.prepared(event, sequence));
    }

    @EventHandler
    void on(SurveyInvitedEvent event, @SequenceNumber long sequence) {
        invitations.apply(event.caseId(), sequence, current -> InvitationDocument.invited(current, event, sequence));
    }

    @EventHandler
    void on(SurveyInvitationCancelledEvent event, @SequenceNumber long sequence) {
        invitations.apply(event.caseId(), sequence, current -> InvitationDocument.cancelled(current, event, sequence));
    }

    @EventHandler
    void on(SurveyAnsweredEvent event, @SequenceNumber long sequence) {
        invitations.apply(event.caseId(), sequence, current -> current == null ? null : current.answered(event, sequence));
    }

    @ResetHandler
    void reset() {
        invitations.deleteAll();
    }
}
