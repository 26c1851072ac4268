package org.pledge.notification.it;

import org.pledge.notification.NotificationServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.openapi.ApiDescriptionContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * notification-service's description is the committed {@code docs/api/notification-service.openapi.json}; its roles are
 * enforced. Configured as {@link NotificationServiceITSupport} (which it cannot extend), so it shares its context.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {PledgeTestInitializer.class, NotificationTestInitializer.class})
@Import(NotificationServiceITSupport.TestClockConfiguration.class)
class ApiDescriptionIT extends ApiDescriptionContract {
}
