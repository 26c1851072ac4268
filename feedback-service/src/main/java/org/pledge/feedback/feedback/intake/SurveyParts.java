package org.pledge.feedback.feedback.intake;

import org.pledge.feedback.survey.api.KnownCases;
import org.pledge.feedback.survey.api.SurveyLinks;
import org.pledge.platform.web.PledgeException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The survey feature's {@link SurveyLinks} and {@link KnownCases}, looked up when needed, so that the feedback feature
 * starts (channel feedback without a case, the tags, the lists) while the survey feature does not offer them (503
 * {@code service.unavailable} for what needs them).
 */
@Component
class SurveyParts {

    private final ObjectProvider<SurveyLinks> links;
    private final ObjectProvider<KnownCases> cases;

    SurveyParts(ObjectProvider<SurveyLinks> links, ObjectProvider<KnownCases> cases) {
        this.links = links;
        this.cases = cases;
    }

    SurveyLinks links() {
        SurveyLinks found = links.getIfAvailable();
        if (found == null) {
            throw new Unavailable();
        }
        return found;
    }

    KnownCases cases() {
        KnownCases found = cases.getIfAvailable();
        if (found == null) {
            throw new Unavailable();
        }
        return found;
    }

    static class Unavailable extends PledgeException {
        Unavailable() {
            super("service.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Surveys are not available on this instance.");
        }
    }
}
