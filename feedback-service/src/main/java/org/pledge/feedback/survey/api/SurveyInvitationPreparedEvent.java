package org.pledge.feedback.survey.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/**
 * The survey invitation of case {@code caseId} waits for the case to end.
 *
 * <p>Revision 2 added {@code applicantReference} and {@code preferredChannel}; a payload stored before (no revision)
 * reads with both null ({@code SurveyInvitationPreparedEventUpcaster}): the invitation then takes them from the case
 * event that ends the case.
 *
 * @param applicantReference the client (the channel's opaque reference, the data subject; not personal data itself)
 * @param preferredChannel   the client's preferred channel for messages (case-service's code), null when unknown
 */
@EventRevision("2")
public record SurveyInvitationPreparedEvent(String invitationId, String caseId, String serviceType, String channel,
                                            String language, Instant submittedAt, String applicantReference,
                                            String preferredChannel) implements SurveyInvitationEvent {

    /** Without the client (the form before revision 2). */
    public SurveyInvitationPreparedEvent(String invitationId, String caseId, String serviceType, String channel, String language,
                                         Instant submittedAt) {
        this(invitationId, caseId, serviceType, channel, language, submittedAt, null, null);
    }
}
