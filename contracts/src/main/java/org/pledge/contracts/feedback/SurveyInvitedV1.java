package org.pledge.contracts.feedback;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.feedback.survey-invited.v1}: the client of case {@code caseId} is invited to say how it went,
 * through {@code link} (signed, single use) until {@code expiresAt}; notification-service sends it in their language.
 * The link is a credential for one answer: consumers never log it.
 *
 * @param invitationId one per case, whatever ends it (resolution, or a breach when so configured)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyInvitedV1(
        String invitationId,
        String caseId,
        String serviceType,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        String link,
        Instant expiresAt,
        Instant invitedAt) {

    /** The link is a credential: not in a log line. */
    @Override
    public String toString() {
        return "SurveyInvitedV1[" + invitationId + ", case " + caseId + "]";
    }
}
