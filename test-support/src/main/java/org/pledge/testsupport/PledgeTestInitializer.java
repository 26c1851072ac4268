package org.pledge.testsupport;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.pledge.testsupport.security.TestTokens;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the JVM's {@link PledgeInfrastructure} and {@link TestTokens}:
 * Kafka, a fresh MongoDB database per context, the test token issuer, personal data under a development master key
 * ({@code pledge.privacy.dev-key}) and a development audit key ({@code pledge.audit.dev-key=true}).
 *
 * <p>Each inbound binding ({@code pledge.messaging.consumers.<name>}) whose test sets no back-off of its own retries a
 * failing message after {@value #TEST_CONSUMER_BACK_OFF} ms, doubling (production: from 1 s): the same number of attempts,
 * so a poison message is parked after the same tries, in about 1.5 s instead of 15 s.
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
        properties.putAll(fastConsumerRetries(context.getEnvironment()));
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
                "pledge.audit.dev-key", "true",
                // feedback-service signs survey links with its public development key (other services ignore it)
                "pledge.surveys.dev-key", "true");
    }

    /** The first back-off of a test context's consumers, in milliseconds. */
    static final long TEST_CONSUMER_BACK_OFF = 100;

    /**
     * For each consumer binding of {@code environment} without a {@code back-off-initial-interval} of its own: that
     * property, and the Spring Cloud Stream binding property the platform derived from it before this initializer ran.
     */
    static Map<String, Object> fastConsumerRetries(ConfigurableEnvironment environment) {
        Map<String, Object> properties = new HashMap<>();
        // keys as spelled: "caseEvents.topic", "caseEvents.back-off-initial-interval" or "caseEvents.backOffInitialInterval"
        Map<String, String> consumers = Binder.get(environment)
                .bind("pledge.messaging.consumers", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Set<String> names = new TreeSet<>();
        Set<String> own = new HashSet<>();
        consumers.keySet().forEach(key -> {
            String[] parts = key.split("\\.", 2);
            names.add(parts[0]);
            if (parts.length == 2 && parts[1].replace("-", "").equalsIgnoreCase("backOffInitialInterval")) {
                own.add(parts[0]);
            }
        });
        names.stream().filter(name -> !own.contains(name)).forEach(name -> {
            properties.put("pledge.messaging.consumers." + name + ".back-off-initial-interval", TEST_CONSUMER_BACK_OFF + "ms");
            properties.put("spring.cloud.stream.bindings." + name + "-in-0.consumer.back-off-initial-interval", TEST_CONSUMER_BACK_OFF);
        });
        return properties;
    }
}
