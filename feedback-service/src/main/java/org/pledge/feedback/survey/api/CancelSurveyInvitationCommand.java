package org.pledge.feedback.survey.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The client of a case is not to be invited: the case was withdrawn, or the client was erased before the case ended.
 * An invitation sent already stands (it changes nothing then); a cancelled one is never invited.
 */
public record CancelSurveyInvitationCommand(@CommandTarget String invitationId, String caseId, String serviceType,
                                            CancelReason reason, Instant cancelledAt) {

    public enum CancelReason {
        /** {@code pledge.case.withdrawn.v1}: nothing was decided, there is nothing to ask about. */
        CASE_WITHDRAWN,
        /** The client (the applicant reference) was erased before the case ended: they are not contacted again. */
        CLIENT_ERASED
    }
}
