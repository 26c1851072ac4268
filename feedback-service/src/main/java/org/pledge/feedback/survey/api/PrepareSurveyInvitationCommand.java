package org.pledge.feedback.survey.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Prepares the survey invitation of a case as it is submitted: what the invitation needs when the case ends (service
 * type, channel, language, the client's reference and preferred channel; no personal data beyond the reference, the
 * data subject). Repeating it changes nothing: the facts recorded first stand.
 */
public record PrepareSurveyInvitationCommand(@CommandTarget String invitationId, String caseId, String serviceType,
                                             String channel, String language, Instant submittedAt, String applicantReference,
                                             String preferredChannel) {

    public static PrepareSurveyInvitationCommand forCase(String caseId, String serviceType, String channel, String language,
                                                         Instant submittedAt, String applicantReference, String preferredChannel) {
        return new PrepareSurveyInvitationCommand(SurveyInvitationIds.forCase(caseId), caseId, serviceType, channel, language,
                submittedAt, applicantReference, preferredChannel);
    }
}
