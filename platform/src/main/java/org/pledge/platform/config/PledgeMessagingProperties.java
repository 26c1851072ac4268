package org.pledge.platform.config;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.messaging.*}: which topics this service consumes, with which retry policy, and how inbound
 * deduplication behaves. The platform turns each consumer entry into the Spring Cloud Stream binding properties
 * (destination, group, retries, dead-letter topic) and into {@code spring.cloud.function.definition}.
 * {@code publish-timeout} bounds how long the integration-event publisher waits, in all, for Kafka to acknowledge the
 * records of one batch; past it the batch fails and the processor retries it. {@code publisher.*} says when the
 * publisher parks an event that fails for good (see {@link Publisher}).
 *
 * <pre>
 * pledge:
 *   messaging:
 *     consumers:
 *       caseEvents:               # name of the Consumer&lt;Message&lt;byte[]&gt;&gt; bean
 *         topic: pledge.case.v1
 * </pre>
 */
@ConfigurationProperties("pledge.messaging")
public record PledgeMessagingProperties(
        @DefaultValue Map<String, ConsumerBinding> consumers,
        @DefaultValue Inbound inbound,
        @DefaultValue DeadLetters deadLetters,
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue Publisher publisher) {

    public PledgeMessagingProperties {
        consumers = consumers == null ? Map.of() : Map.copyOf(consumers);
        publisher = publisher == null ? new Publisher(3, Duration.ofSeconds(1)) : publisher;
        if (publishTimeout == null || publishTimeout.isNegative() || publishTimeout.isZero()) {
            throw new IllegalArgumentException("pledge.messaging.publish-timeout must be positive");
        }
    }

    /**
     * One inbound topic consumed by one local {@code Consumer<Message<byte[]>>} bean (named by the map key).
     *
     * @param topic                  the Kafka topic, e.g. {@code pledge.case.v1}
     * @param maxAttempts            attempts in total before the message is parked on {@code <topic>.dlq}
     * @param backOffInitialInterval first back-off between attempts
     * @param backOffMultiplier      back-off multiplier
     * @param backOffMaxInterval     largest back-off
     * @param concurrency            listener threads for this binding
     */
    public record ConsumerBinding(
            String topic,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1s") Duration backOffInitialInterval,
            @DefaultValue("2.0") double backOffMultiplier,
            @DefaultValue("30s") Duration backOffMaxInterval,
            @DefaultValue("1") int concurrency) {

        public ConsumerBinding {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("pledge.messaging.consumers.<name>.topic is required");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }

        public String deadLetterTopic() {
            return topic + ".dlq";
        }
    }

    /**
     * Inbound deduplication by CloudEvents id.
     *
     * @param lease         how long a claim (state PROCESSING) protects a message from concurrent processing
     * @param retention     how long DONE records are kept (a redelivery after that is processed again)
     * @param purgeInterval how often old records are deleted (no TTL index: mongo-java-server ignores those)
     */
    public record Inbound(
            @DefaultValue("5m") Duration lease,
            @DefaultValue("7d") Duration retention,
            @DefaultValue("1h") Duration purgeInterval) {
    }

    /**
     * The integration-event publisher's dead letters (collection {@code publisher_dead_letters}).
     *
     * @param maxAttempts                how often mapping or sending one event may fail for a permanent reason (not a
     *                                   broker or database outage) before the event is parked, at its next attempt
     * @param parkedKeysRefreshInterval  longest time between two reads of which keys are parked while events flow in
     *                                   order (a retried batch or a segment taken over reads them at once)
     */
    public record Publisher(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration parkedKeysRefreshInterval) {

        public Publisher {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("pledge.messaging.publisher.max-attempts must be at least 1");
            }
            if (parkedKeysRefreshInterval == null || parkedKeysRefreshInterval.isNegative()) {
                throw new IllegalArgumentException(
                        "pledge.messaging.publisher.parked-keys-refresh-interval must not be negative");
            }
        }
    }

    /**
     * Dead-letter replay by an operator (the consumers' {@code <topic>.dlq} and the publisher's parked events).
     *
     * @param pollTimeout how long one poll of the dead-letter topic waits
     * @param maxRecords  the most records (or parked events) one replay or listing handles
     */
    public record DeadLetters(
            @DefaultValue("2s") Duration pollTimeout,
            @DefaultValue("500") int maxRecords) {
    }
}
