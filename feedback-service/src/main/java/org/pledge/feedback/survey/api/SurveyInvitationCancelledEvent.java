package org.pledge.feedback.survey.api;

import java.time.Instant;

/** The client of case {@code caseId} will not be invited to the survey, for {@code reason}. */
public record SurveyInvitationCancelledEvent(String invitationId, String caseId, String serviceType,
                                             CancelSurveyInvitationCommand.CancelReason reason, Instant cancelledAt)
        implements SurveyInvitationEvent {
}
