package org.pledge.feedback.feedback.api;

import java.time.Instant;

/**
 * A rating of 2 or less with consent to be contacted, about a known case: someone should contact the client.
 * Published as {@code pledge.feedback.follow-up-requested.v1}; case-service opens a linked follow-up case.
 *
 * @param applicantReference the case's client, the data subject
 */
public record FollowUpRequestedEvent(String followUpId, String feedbackId, String caseId, String serviceType,
                                     String applicantReference, String language, int rating, String reason,
                                     Instant requestedAt) {
}
