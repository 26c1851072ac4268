package org.pledge.feedback.survey.api;

import java.time.Instant;

/**
 * The client of case {@code caseId} was invited to the survey until {@code expiresAt}. Holds no token: the link's
 * token is derived again from ({@code invitationId}, {@code caseId}, {@code expiresAt}) under the key
 * {@code tokenKeyId} whenever it is needed (publishing), so the event store never holds the credential.
 *
 * @param applicantReference the client, the data subject (not personal data itself)
 * @param timeliness         {@link Timeliness#ON_TIME} or {@link Timeliness#LATE}
 */
public record SurveyInvitedEvent(String invitationId, String caseId, String serviceType, String channel,
                                 String applicantReference, String language, String preferredChannel, InvitationTrigger trigger,
                                 Timeliness timeliness, Instant invitedAt, Instant expiresAt, String tokenKeyId)
        implements SurveyInvitationEvent {
}
