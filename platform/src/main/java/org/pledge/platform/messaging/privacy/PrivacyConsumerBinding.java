package org.pledge.platform.messaging.privacy;

import java.util.Map;

import org.pledge.platform.privacy.api.RequestedThrough;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Declares the platform's consumer of {@code pledge.privacy.v1} in every service, as a service declares its own:
 * {@code pledge.messaging.consumers.privacyEvents.topic}, below every property the service sets. The platform's
 * {@code PledgeDefaultsEnvironmentPostProcessor}, which runs after this one, derives the binding, its dead-letter topic
 * and {@code spring.cloud.function.definition} from it. A service that sets {@code spring.cloud.function.definition}
 * itself must name {@code privacyEvents} there too.
 */
public class PrivacyConsumerBinding implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE = "pledgePrivacyConsumer";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1; // before PledgeDefaultsEnvironmentPostProcessor (the lowest)
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                    "pledge.messaging.consumers." + DataSubjectErasureConsumer.CONSUMER + ".topic", RequestedThrough.TOPIC)));
        }
    }
}
