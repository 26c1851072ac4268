package org.pledge.contracts.feedback;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.feedback.follow-up-requested.v1}: an unhappy client agreed to be contacted. case-service opens
 * a linked follow-up case once per {@code followUpId}; notification-service tells the client someone will contact them.
 *
 * @param followUpId         one per feedback that asked for it
 * @param reason             a reason code, e.g. {@code low-rating}
 * @param feedbackId         the answer that asked for it (added within v1; absent from older producers)
 * @param applicantReference the client of the case, the data subject (added within v1)
 * @param language           the client's language, BCP 47 (added within v1)
 * @param rating             the rating given, 1–5 (added within v1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpRequestedV1(String followUpId, String caseId, String serviceType, String reason, Instant requestedAt,
                                  String feedbackId, @DataSubjectField String applicantReference, String language, Integer rating) {

    /** The first form of v1: without the answer, the client and their language. */
    public FollowUpRequestedV1(String followUpId, String caseId, String serviceType, String reason, Instant requestedAt) {
        this(followUpId, caseId, serviceType, reason, requestedAt, null, null, null, null);
    }
}
