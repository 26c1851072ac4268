package org.pledge.feedback.survey.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.feedback.survey.api.InvitationStatus;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
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
        invitations.apply(event.caseId(), sequence,
                current -> InvitationDocument.prepared(event, InvitationStatus.AWAITING_CASE_END.name(), sequence));
    }

    @ResetHandler
    void reset() {
        invitations.deleteAll();
    }
}
