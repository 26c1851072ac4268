package org.pledge.testsupport.messaging;

import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;

/**
 * feedback-service's integration events as another service receives them (recorded samples), for that service's tests:
 * valid against the contract's schema.
 */
public final class FeedbackEventSamples {

    public static final String SURVEY_INVITED = "pledge.feedback.survey-invited.v1";
    public static final String FOLLOW_UP_REQUESTED = "pledge.feedback.follow-up-requested.v1";
    public static final String SOURCE = "/pledge/feedback-service";

    private FeedbackEventSamples() {
    }

    /**
     * The applicant {@code subjectRef} of case {@code caseId} is invited, in French by email, to answer a survey through
     * {@code link} (a single-use credential) until 2026-03-16T14:00:00Z.
     */
    public static CloudEvent surveyInvited(String ceId, String caseId, String subjectRef, String link) {
        return new CloudEvent(ceId, SURVEY_INVITED, SOURCE, caseId, """
                {"invitationId":"inv-%s","caseId":"%s","serviceType":"PASSPORT","applicantReference":"%s","language":"fr-CA",
                 "preferredChannel":"EMAIL","link":"%s","expiresAt":"2026-03-16T14:00:00Z",
                 "invitedAt":"2026-03-02T14:00:00Z"}""".formatted(ceId, caseId, subjectRef, link));
    }

    /**
     * The applicant {@code subjectRef} of case {@code caseId} rated it 1 and agreed to be contacted, in {@code language}:
     * the form with the fields added within v1.
     */
    public static CloudEvent followUpRequested(String ceId, String caseId, String subjectRef, String language) {
        return new CloudEvent(ceId, FOLLOW_UP_REQUESTED, SOURCE, caseId, """
                {"followUpId":"fu-%s","caseId":"%s","serviceType":"PASSPORT","reason":"low-rating",
                 "requestedAt":"2026-03-20T15:00:00Z","feedbackId":"fb-%s","applicantReference":"%s","language":"%s",
                 "rating":1}""".formatted(ceId, caseId, ceId, subjectRef, language));
    }

    /** A follow-up request of case {@code caseId} in the first form of v1: it names no applicant, language or rating. */
    public static CloudEvent followUpRequestedFirstForm(String ceId, String caseId) {
        return new CloudEvent(ceId, FOLLOW_UP_REQUESTED, SOURCE, caseId, """
                {"followUpId":"fu-%s","caseId":"%s","serviceType":"PASSPORT","reason":"low-rating",
                 "requestedAt":"2026-03-20T15:00:00Z"}""".formatted(ceId, caseId));
    }
}
