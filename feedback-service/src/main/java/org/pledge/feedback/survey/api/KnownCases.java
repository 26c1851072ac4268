package org.pledge.feedback.survey.api;

import java.util.Optional;

/** What feedback-service knows of a case from case-service's events, for feedback given about it through a channel. */
public interface KnownCases {

    Optional<KnownCase> find(String caseId);

    /** @param applicantReference the client, the data subject (absent once unknown) */
    record KnownCase(String caseId, String serviceType, String applicantReference, String language, Timeliness timeliness) {
    }
}
