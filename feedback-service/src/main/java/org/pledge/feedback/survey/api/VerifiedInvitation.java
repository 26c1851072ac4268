package org.pledge.feedback.survey.api;

import java.time.Instant;

/**
 * An invitation whose link checked out: what an answer through it is about. No personal data but the applicant
 * reference (the data subject).
 *
 * @param caseChannel the channel the case came in by (case-service's code)
 * @param language    the client's language (BCP 47), the page's default
 * @param timeliness  the case as it was resolved (or breached)
 */
public record VerifiedInvitation(String invitationId, String caseId, String serviceType, String caseChannel, String language,
                                 String applicantReference, Timeliness timeliness, Instant expiresAt) {
}
