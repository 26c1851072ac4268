package org.pledge.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.pledge.testsupport.security.TestTokens;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the JVM's {@link PledgeInfrastructure} and {@link TestTokens}:
 * Kafka, a fresh MongoDB database per context, the test token issuer, personal data under a development master key
 * ({@code pledge.privacy.dev-key}) and a development audit key ({@code pledge.audit.dev-key=true}).
 */
public class PledgeTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PledgeInfrastructure infrastructure = PledgeInfrastructure.get();
        TestTokens tokens = TestTokens.get();
        String database = "pledge-test-" + ProcessHandle.current().pid() + "-" + DATABASES.incrementAndGet();
        Map<String, Object> properties = new HashMap<>(properties(infrastructure, tokens, database));
        // Spring caches test contexts, so several contexts of one service can live side by side in one JVM on the
        // same broker: each gets its own consumer group, or they would share (and steal) each other's partitions
        properties.put("pledge.messaging.group", database);
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("pledge-test-infrastructure", properties));
    }

    /** The properties that point a service at the test infrastructure, also usable as process arguments. */
    public static Map<String, String> properties(PledgeInfrastructure infrastructure, TestTokens tokens, String database) {
        return Map.of(
                "spring.data.mongodb.uri", infrastructure.mongoUri(database),
                "spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers(),
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "pledge.security.issuer-uri", tokens.issuer(),
                "pledge.security.jwk-set-uri", tokens.jwkSetUri(),
                "pledge.security.audiences", tokens.audience(),
                // personal data is encrypted under a development master key kept in the test database
                "pledge.privacy.dev-key", "true",
                // the audit chain signs its checkpoints with a key generated once per test database
                "pledge.audit.dev-key", "true");
    }
}
