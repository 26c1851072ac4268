package org.pledge.guarantee.it;

import org.pledge.guarantee.GuaranteeServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.openapi.ApiDescriptionContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * guarantee-service's description is the committed {@code docs/api/guarantee-service.openapi.json}; its roles are enforced.
 * The same configuration as {@link GuaranteeServiceITSupport}'s, so that Spring starts one context for both.
 */
@SpringBootTest(classes = GuaranteeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
@Import(GuaranteeServiceITSupport.TestClockConfiguration.class)
class ApiDescriptionIT extends ApiDescriptionContract {
}
