package org.pledge.feedback.feedback.api;

import java.time.Instant;
import java.util.List;

import org.pledge.feedback.survey.api.SurveyTokenException;

/**
 * Answering a survey through its link, for the public API and the public page alike: the token authorises exactly one
 * answer; the same answer again (a retry, a double click) is accepted again and records nothing more.
 */
public interface SurveyAnswers {

    /**
     * What the survey page shows for this token.
     *
     * @throws SurveyTokenException forged, expired, for another case, or answered already
     */
    SurveyForm open(String token);

    /**
     * Records the answer.
     *
     * @throws SurveyTokenException   forged, expired, for another case, or answered already with another answer
     * @throws InvalidFeedbackException the answer breaks a rule (rating out of range, unknown pain point, comment too long)
     */
    AnswerReceipt answer(String token, SurveyAnswer answer);

    /** @param comment raw text as typed (sanitised and masked before it is stored) */
    record SurveyAnswer(int rating, Integer effort, String comment, List<String> painPoints, boolean consentToContact) {
    }

    /** @param language the invitation's language (the page's default) */
    record SurveyForm(String invitationId, String caseId, String serviceType, String language, Instant expiresAt,
                      List<PainPointTag> painPointTags) {
    }

    /** @param followUpRequested someone will contact the client */
    record AnswerReceipt(String feedbackId, Instant receivedAt, boolean followUpRequested) {
    }
}
