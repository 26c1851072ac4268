package org.pledge.feedback.it;

import org.pledge.feedback.FeedbackServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.openapi.ApiDescriptionContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * feedback-service's description is the committed {@code docs/api/feedback-service.openapi.json}; its roles are
 * enforced. Configured as {@link FeedbackServiceITSupport} (which it cannot extend), so it shares its context.
 */
@SpringBootTest(classes = FeedbackServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
@Import(FeedbackServiceITSupport.TestClockConfiguration.class)
class ApiDescriptionIT extends ApiDescriptionContract {
}
