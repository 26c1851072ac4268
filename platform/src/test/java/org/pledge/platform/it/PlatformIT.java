package org.pledge.platform.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.pledge.testsupport.PledgeTestInitializer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** One Spring context for all platform integration tests (cached across the IT classes). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=platform-it",
        "pledge.messaging.consumers.testEvents.topic=" + TestApp.IN_TOPIC,
        "pledge.messaging.consumers.testEvents.max-attempts=2",
        "pledge.messaging.consumers.testEvents.back-off-initial-interval=50ms",
        "pledge.messaging.consumers.testEvents.back-off-max-interval=100ms",
        "pledge.messaging.dead-letters.poll-timeout=500ms",
        "spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms=15000",
        "spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms=10000",
        "axon.eventhandling.processors.integration-publisher.token-claim-interval=200",
        "axon.eventhandling.processors.dlq-probe.dlq.enabled=true",
        "pledge.axon.snapshot-threshold=3"
})
@ContextConfiguration(initializers = PledgeTestInitializer.class)
// Boot switches metrics export off in tests; the prometheus endpoint is part of what is tested
@AutoConfigureObservability(tracing = false)
public @interface PlatformIT {
}
