package org.pledge.feedback.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.pledge.testsupport.http.Problems;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An expired survey link (the service's clock moved past the 14 days): 410 to read and to answer. A context of its own,
 * since it moves the clock further than any other test's invitation lives. Closed after the class: left open, it would
 * go on consuming case events under a consumer group of its own and publish a second invitation (its own link) for every
 * case the other ITs resolve.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "pledge.test.context=expired-survey-links")
class ExpiredSurveyLinkIT extends FeedbackServiceITSupport {

    @Test
    void expiredLink_isGone() {
        InvitedCase invited = invitedCase(freshServiceType("E"), "en-CA", true);
        clock.advance(Duration.ofDays(15));

        Problems.assertProblem(getFrom("192.0.2.31", "/api/surveys/" + invited.token()), 410, "survey.token-expired");
        Problems.assertProblem(postFrom("192.0.2.31", "/api/surveys/" + invited.token() + "/responses", "{\"rating\":4}"), 410,
                "survey.token-expired");
    }
}
