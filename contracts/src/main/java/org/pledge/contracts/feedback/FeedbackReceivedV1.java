package org.pledge.contracts.feedback;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code pledge.feedback.received.v1}: a client said how it went, through a survey link or a channel. The
 * figures only: the comment (which may hold personal data even once masked) stays in feedback-service, {@code commented}
 * says there is one. Keyed by case id, or by the feedback id when the answer names no case.
 *
 * @param feedbackId       one per answer (per invitation for a survey link)
 * @param caseId           the case it is about; absent for anonymous channel feedback
 * @param invitationId     the survey invitation answered; absent for channel feedback
 * @param channel          where the answer came from: {@code SURVEY_LINK}, {@code KIOSK}, {@code CALL_CENTRE} or {@code WEB_FORM}
 * @param rating           CSAT rating, 1–5
 * @param effort           customer effort score, 1–7, when given
 * @param painPoints       pain-point tag codes, from the list admin manages
 * @param consentToContact the client agreed to be contacted
 * @param timeliness       the case as the answer found it: {@code ON_TIME}, {@code LATE} (resolved after its due date) or {@code OPEN} (not resolved, or no case)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackReceivedV1(
        String feedbackId,
        String caseId,
        String invitationId,
        String serviceType,
        String channel,
        int rating,
        Integer effort,
        List<String> painPoints,
        boolean consentToContact,
        boolean commented,
        String timeliness,
        Instant receivedAt) {
}
