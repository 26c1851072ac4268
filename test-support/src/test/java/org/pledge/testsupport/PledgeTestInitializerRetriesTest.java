package org.pledge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PledgeTestInitializerRetriesTest {

    @Test
    void eachConsumerBinding_getsAShortFirstBackOff_inItsOwnPropertyAndInItsStreamBinding() {
        StandardEnvironment environment = environment(Map.of(
                "pledge.messaging.consumers.caseEvents.topic", "pledge.case.v1",
                "pledge.messaging.consumers.caseEvents.max-attempts", "5",
                "pledge.messaging.consumers.feedbackEvents.topic", "pledge.feedback.v1"));

        assertThat(PledgeTestInitializer.fastConsumerRetries(environment)).isEqualTo(Map.of(
                "pledge.messaging.consumers.caseEvents.back-off-initial-interval", "100ms",
                "spring.cloud.stream.bindings.caseEvents-in-0.consumer.back-off-initial-interval", 100L,
                "pledge.messaging.consumers.feedbackEvents.back-off-initial-interval", "100ms",
                "spring.cloud.stream.bindings.feedbackEvents-in-0.consumer.back-off-initial-interval", 100L));
    }

    @Test
    void aBackOffTheTestSets_isKept_inAnyOfItsSpellings() {
        StandardEnvironment environment = environment(Map.of(
                "pledge.messaging.consumers.testEvents.topic", "t",
                "pledge.messaging.consumers.testEvents.back-off-initial-interval", "50ms",
                "pledge.messaging.consumers.otherEvents.topic", "o",
                "pledge.messaging.consumers.otherEvents.backOffInitialInterval", "2s"));

        assertThat(PledgeTestInitializer.fastConsumerRetries(environment)).isEmpty();
    }

    @Test
    void noConsumers_noProperties() {
        assertThat(PledgeTestInitializer.fastConsumerRetries(environment(Map.of("spring.application.name", "x")))).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
