package org.pledge.feedback.feedback.api;

import java.time.Instant;
import java.util.List;

import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.platform.api.PersonalData;

/**
 * A client's answer, recorded once. The comment is sanitised (no HTML) and masked (no email address, phone, card or
 * account number) before it gets here, and is still personal data of {@code subjectRef}: stored encrypted, erased with
 * the subject.
 *
 * @param invitationId the survey invitation answered; null for channel feedback
 * @param caseId       the case; null for anonymous channel feedback
 * @param effort       CES 1–7, or null
 * @param painPoints   tag codes (from the admin's list at the time), never null
 * @param subjectRef   the data subject of the comment: the case's applicant reference, else {@code anonymous:<feedbackId>}
 * @param language     the client's language (BCP 47), when known
 */
public record FeedbackReceivedEvent(String feedbackId, String invitationId, String caseId, String serviceType,
                                    FeedbackChannel channel, int rating, Integer effort,
                                    @PersonalData(subject = "subjectRef") String comment, List<String> painPoints,
                                    boolean consentToContact, Timeliness timeliness, String subjectRef, String language,
                                    Instant receivedAt) {
}
