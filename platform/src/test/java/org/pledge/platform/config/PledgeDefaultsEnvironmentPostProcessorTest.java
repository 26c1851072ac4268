package org.pledge.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

class PledgeDefaultsEnvironmentPostProcessorTest {

    private StandardEnvironment environment(MockPropertySource service) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(service);
        new PledgeDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void consumerDeclaration_becomesBindingWithGroupRetriesAndDeadLetterTopic() {
        StandardEnvironment env = environment(new MockPropertySource()
                .withProperty("spring.application.name", "feedback-service")
                .withProperty("pledge.messaging.consumers.caseEvents.topic", "pledge.case.v1")
                .withProperty("pledge.messaging.consumers.caseEvents.max-attempts", "3"));

        assertThat(env.getProperty("spring.cloud.stream.bindings.caseEvents-in-0.destination")).isEqualTo("pledge.case.v1");
        assertThat(env.getProperty("spring.cloud.stream.bindings.caseEvents-in-0.group")).isEqualTo("feedback-service");
        assertThat(env.getProperty("spring.cloud.stream.bindings.caseEvents-in-0.consumer.max-attempts")).isEqualTo("3");
        assertThat(env.getProperty("spring.cloud.stream.bindings.caseEvents-in-0.consumer.back-off-initial-interval"))
                .isEqualTo("1000");
        assertThat(env.getProperty("spring.cloud.stream.kafka.bindings.caseEvents-in-0.consumer.enable-dlq")).isEqualTo("true");
        assertThat(env.getProperty("spring.cloud.stream.kafka.bindings.caseEvents-in-0.consumer.dlq-name"))
                .isEqualTo("pledge.case.v1.dlq");
        assertThat(env.getProperty("spring.cloud.function.definition")).isEqualTo("caseEvents");
    }

    @Test
    void defaults_areBelowServiceProperties() {
        StandardEnvironment env = environment(new MockPropertySource()
                .withProperty("management.endpoints.web.exposure.include", "health"));

        assertThat(env.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
        assertThat(env.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        // the publisher waits for acknowledgements itself, once per batch
        assertThat(env.getProperty("spring.cloud.stream.kafka.default.producer.sync")).isNull();
        assertThat(env.getProperty("spring.cloud.stream.kafka.binder.required-acks")).isEqualTo("all");
        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
        assertThat(System.getProperty("disable-axoniq-console-message")).isEqualTo("true");
    }

    @Test
    void explicitFunctionDefinition_isKept() {
        StandardEnvironment env = environment(new MockPropertySource()
                .withProperty("spring.cloud.function.definition", "mine")
                .withProperty("pledge.messaging.consumers.caseEvents.topic", "pledge.case.v1"));

        assertThat(env.getProperty("spring.cloud.function.definition")).isEqualTo("mine");
    }

    @Test
    void namedProcessorWithoutMode_isPooled_andAnExplicitModeWins() {
        StandardEnvironment env = environment(new MockPropertySource()
                .withProperty("axon.eventhandling.processors.notifications.dlq.enabled", "true")
                .withProperty("axon.eventhandling.processors.legacy.mode", "tracking"));

        assertThat(env.getProperty("axon.eventhandling.processors.notifications.mode")).isEqualTo("pooled");
        assertThat(env.getProperty("axon.eventhandling.processors.integration-publisher.mode")).isEqualTo("pooled");
        assertThat(env.getProperty("axon.eventhandling.processors.legacy.mode")).isEqualTo("tracking");
    }

    @Test
    void namedProcessor_getsThePlatformsBatchSizeAndSegments_unlessItChoseItsOwn() {
        StandardEnvironment env = environment(new MockPropertySource()
                .withProperty("axon.eventhandling.processors.notifications.dlq.enabled", "true")
                .withProperty("axon.eventhandling.processors.legacy.batch-size", "7")
                .withProperty("axon.eventhandling.processors.legacy.initial-segment-count", "2")
                .withProperty("pledge.axon.processor-batch-size", "50"));

        assertThat(env.getProperty("axon.eventhandling.processors.notifications.batch-size")).isEqualTo("50");
        assertThat(env.getProperty("axon.eventhandling.processors.notifications.initial-segment-count")).isEqualTo("4");
        assertThat(env.getProperty("axon.eventhandling.processors.legacy.batch-size")).isEqualTo("7");
        assertThat(env.getProperty("axon.eventhandling.processors.legacy.initial-segment-count")).isEqualTo("2");
        // the publisher keeps one segment (per-key order to Kafka), from the platform's defaults file
        assertThat(env.getProperty("axon.eventhandling.processors.integration-publisher.initial-segment-count")).isEqualTo("1");
        assertThat(env.getProperty("axon.eventhandling.processors.integration-publisher.batch-size")).isEqualTo("50");
    }
}
