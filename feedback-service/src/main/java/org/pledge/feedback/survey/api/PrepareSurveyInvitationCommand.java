package org.pledge.feedback.survey.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Prepares the survey invitation of a case as it is submitted: what the invitation needs when the case ends (service
 * type, channel, language; no personal data). Repeating it changes nothing: the facts recorded first stand.
 */
public record PrepareSurveyInvitationCommand(@CommandTarget String invitationId, String caseId, String serviceType,
                                             String channel, String language, Instant submittedAt) {

    public static PrepareSurveyInvitationCommand forCase(String caseId, String serviceType, String channel, String language,
                                                         Instant submittedAt) {
        return new PrepareSurveyInvitationCommand(SurveyInvitationIds.forCase(caseId), caseId, serviceType, channel, language,
                submittedAt);
    }
}
