package org.pledge.feedback.survey.api;

import java.time.Instant;

/** The survey invitation of case {@code caseId} waits for the case to end. */
public record SurveyInvitationPreparedEvent(String invitationId, String caseId, String serviceType, String channel,
                                            String language, Instant submittedAt) {
}
