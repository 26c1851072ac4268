package org.pledge.platform.messaging.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.contracts.CloudEventHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Builds the Spring message for one integration event: CloudEvents 1.0 binary mode. Header values are plain
 * {@code String}s; Spring Cloud Stream's Kafka header mapper writes those as raw UTF-8 bytes, so a consumer that is
 * not Spring reads {@code ce_id} as plain text.
 */
public class CloudEventMessageFactory {

    private final ObjectMapper objectMapper;
    private final String source;

    /**
     * @param objectMapper    serialises the data object
     * @param applicationName {@code spring.application.name}; the source is {@code /pledge/<applicationName>}
     */
    public CloudEventMessageFactory(ObjectMapper objectMapper, String applicationName) {
        this.objectMapper = objectMapper;
        this.source = CloudEventHeaders.SOURCE_PREFIX + applicationName;
    }

    public String source() {
        return source;
    }

    public Message<byte[]> create(String id, Instant time, OutboundIntegrationEvent event) {
        byte[] data;
        try {
            data = objectMapper.writeValueAsBytes(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise data of " + event.type(), e);
        }
        return MessageBuilder.withPayload(data)
                .setHeader(CloudEventHeaders.ID, id)
                .setHeader(CloudEventHeaders.TYPE, event.type())
                .setHeader(CloudEventHeaders.SOURCE, source)
                .setHeader(CloudEventHeaders.TIME, formatTime(time))
                .setHeader(CloudEventHeaders.SUBJECT, event.subject())
                .setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .setHeader(MessageHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .setHeader(KafkaHeaders.KEY, event.partitionKey().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** UTC, ISO-8601, e.g. {@code 2026-03-01T10:15:30.123Z}. */
    static String formatTime(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.atOffset(ZoneOffset.UTC));
    }
}
