package org.pledge.feedback.survey.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Survey invitation identifiers. */
public final class SurveyInvitationIds {

    private SurveyInvitationIds() {
    }

    /**
     * The survey invitation of a case: a name-based UUID of the case id, so that one case has one invitation, however
     * often and under whatever CloudEvent id its events arrive.
     */
    public static String forCase(String caseId) {
        return UUID.nameUUIDFromBytes(("pledge:feedback:survey-invitation:" + caseId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
