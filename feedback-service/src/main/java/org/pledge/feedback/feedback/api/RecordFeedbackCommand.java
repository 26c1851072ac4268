package org.pledge.feedback.feedback.api;

import java.time.Instant;
import java.util.List;

import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.platform.api.CommandTarget;
import org.pledge.platform.api.PersonalData;

/**
 * Records one answer (created if missing): through a survey link ({@code invitationId} set) or a channel. The comment is
 * sanitised and masked already. The same answer again records nothing; another one is refused.
 *
 * @param applicantReference the case's client, when the case and its client are known (a follow-up needs it)
 * @param comment            sanitised and masked, or null
 */
public record RecordFeedbackCommand(@CommandTarget String feedbackId, String invitationId, String caseId, String serviceType,
                                    FeedbackChannel channel, int rating, Integer effort,
                                    @PersonalData(subject = "subjectRef") String comment, List<String> painPoints,
                                    boolean consentToContact, Timeliness timeliness, String applicantReference, String subjectRef,
                                    String language, Instant receivedAt) {

    /** The data subject of a comment: the case's client, else the feedback itself. */
    public static String subjectOf(String feedbackId, String applicantReference) {
        return applicantReference != null && !applicantReference.isBlank() ? applicantReference : "anonymous:" + feedbackId;
    }
}
