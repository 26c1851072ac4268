package org.pledge.platform.messaging.publish;

import java.util.Objects;

/**
 * One integration event to publish, as a service's {@link IntegrationEventMapper} returns it.
 *
 * @param topic        the Kafka topic, e.g. {@code pledge.case.v1}
 * @param type         the CloudEvents type, e.g. {@code pledge.case.submitted.v1}
 * @param subject      the CloudEvents subject: the case id, or the aggregate id where there is no case
 * @param partitionKey the Kafka record key (per-key ordering); usually equal to {@code subject}
 * @param data         the contract record, serialised as JSON
 */
public record OutboundIntegrationEvent(String topic, String type, String subject, String partitionKey, Object data) {

    public OutboundIntegrationEvent {
        requireText(topic, "topic");
        requireText(type, "type");
        requireText(subject, "subject");
        requireText(partitionKey, "partitionKey");
        Objects.requireNonNull(data, "data");
    }

    /** The common case: keyed by the subject (the case id). */
    public static OutboundIntegrationEvent of(String topic, String type, String subject, Object data) {
        return new OutboundIntegrationEvent(topic, type, subject, subject, data);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
