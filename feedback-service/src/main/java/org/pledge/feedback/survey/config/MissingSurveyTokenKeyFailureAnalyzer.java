package org.pledge.feedback.survey.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable survey-link key into Spring Boot's start-up report: what is wrong, and what to set. */
public class MissingSurveyTokenKeyFailureAnalyzer extends AbstractFailureAnalyzer<SurveyTokenKeys.MissingSurveyTokenKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SurveyTokenKeys.MissingSurveyTokenKeyException cause) {
        return new FailureAnalysis("Survey links cannot be signed. " + cause.getMessage(),
                "Set pledge.surveys.token-keys[0].id and pledge.surveys.token-keys[0].secret (env PLEDGE_SURVEYS_TOKENKEYS_0_ID,"
                        + " PLEDGE_SURVEYS_TOKENKEYS_0_SECRET; see docs/surveys.md, \"Keys and rotation\"), or"
                        + " pledge.surveys.dev-key=true for development and tests.", cause);
    }
}
