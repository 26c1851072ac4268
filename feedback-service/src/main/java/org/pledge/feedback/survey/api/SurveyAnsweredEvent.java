package org.pledge.feedback.survey.api;

import java.time.Instant;

/** The invitation of case {@code caseId} was answered: its link is used up. */
public record SurveyAnsweredEvent(String invitationId, String caseId, String feedbackId, Instant answeredAt)
        implements SurveyInvitationEvent {
}
