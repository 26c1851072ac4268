package org.pledge.feedback.survey.api;

/**
 * Checks a survey link's token: signed by us, not expired, for an invitation that exists and is for the case the token
 * names. Whether it was answered already is the answer's business (one answer per invitation, decided atomically where
 * the answer is recorded); {@link SurveyTokenException.Reason#USED} is reported here too once the invitation is known to
 * be answered.
 */
public interface SurveyLinks {

    /** @throws SurveyTokenException when the token is forged, malformed, expired, for another case, or used */
    VerifiedInvitation verify(String token);
}
