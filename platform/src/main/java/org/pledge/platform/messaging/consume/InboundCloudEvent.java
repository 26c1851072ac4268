package org.pledge.platform.messaging.consume;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.pledge.contracts.CloudEventHeaders;
import org.pledge.contracts.EventType;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.SchemaCheck;
import org.pledge.platform.security.ActorMetadata;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A CloudEvent received in Kafka binary mode.
 *
 * @param id      {@code ce_id}; the deduplication key
 * @param type    {@code ce_type}, e.g. {@code pledge.case.submitted.v1}
 * @param source  {@code ce_source}, e.g. {@code /pledge/case-service}
 * @param subject {@code ce_subject} (the case id); may be null
 * @param time    {@code ce_time}; may be null
 * @param data    the JSON payload
 */
public record InboundCloudEvent(String id, String type, String source, String subject, Instant time, JsonNode data) {

    /** Reads the data as a contract record. */
    public <T> T dataAs(Class<T> type, ObjectMapper objectMapper) {
        try {
            return objectMapper.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new InvalidCloudEventException("data of " + this.type + " " + id + " does not match " + type.getSimpleName(), e);
        }
    }

    /**
     * Checks the data against the JSON Schema of this event's type (module {@code contracts}) and reads it as
     * {@code type}. A message that violates its contract cannot be handled however often it is retried: it ends on
     * the dead-letter topic, with the violations in the exception message (no data values).
     */
    public <T> T contractData(Class<T> type, ObjectMapper objectMapper) {
        List<String> violations = SchemaCheck.violations(this.type, data);
        if (!violations.isEmpty()) {
            throw new InvalidCloudEventException(this.type + " " + id + " violates its schema: " + violations);
        }
        return dataAs(type, objectMapper);
    }

    /** The publishing service's name: {@code ce_source} without the platform's {@code /pledge/} prefix. */
    public String sourceService() {
        return source.startsWith(CloudEventHeaders.SOURCE_PREFIX) ? source.substring(CloudEventHeaders.SOURCE_PREFIX.length()) : source;
    }

    /**
     * The metadata of the command a consumer sends for this event, so that the events it causes say who and what
     * caused them: {@code actor} = the publishing service ({@link #sourceService()}), roles {@code system},
     * {@code client} = the topic of its type (else the source), {@code correlationId} = {@code ce_id}.
     */
    public Map<String, Object> commandMetaData() {
        String client = EventTypes.byName(type).map(EventType::topic).orElse(source);
        return Map.of(ActorMetadata.ACTOR, sourceService(), ActorMetadata.ACTOR_ROLES, ActorMetadata.SYSTEM_ROLE,
                ActorMetadata.CLIENT, client, ActorMetadata.CORRELATION_ID, id);
    }

    /** {@code command} as the message a consumer sends for this event, with {@link #commandMetaData()}. */
    public <C> CommandMessage<C> asCommand(C command) {
        return GenericCommandMessage.<C>asCommandMessage(command).andMetaData(commandMetaData());
    }

    /**
     * Parses the headers Spring Cloud Stream hands over: values arrive as {@code String} when the producer was Spring
     * (it adds a type hint header), as {@code byte[]} otherwise; both are read as UTF-8 text.
     */
    public static InboundCloudEvent from(Message<byte[]> message, ObjectMapper objectMapper) {
        MessageHeaders headers = message.getHeaders();
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION).orElse(null);
        if (specVersion != null && !CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new InvalidCloudEventException("unsupported CloudEvents specversion " + specVersion);
        }
        String id = header(headers, CloudEventHeaders.ID)
                .orElseThrow(() -> new InvalidCloudEventException("missing header " + CloudEventHeaders.ID));
        String type = header(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> new InvalidCloudEventException("missing header " + CloudEventHeaders.TYPE + " on " + id));
        String source = header(headers, CloudEventHeaders.SOURCE)
                .orElseThrow(() -> new InvalidCloudEventException("missing header " + CloudEventHeaders.SOURCE + " on " + id));
        String subject = header(headers, CloudEventHeaders.SUBJECT).orElse(null);
        Instant time = header(headers, CloudEventHeaders.TIME).map(t -> parseTime(t, id)).orElse(null);
        JsonNode data;
        try {
            byte[] payload = message.getPayload();
            data = payload == null || payload.length == 0 ? objectMapper.nullNode() : objectMapper.readTree(payload);
        } catch (IOException e) {
            throw new InvalidCloudEventException("data of " + id + " is not JSON", e);
        }
        return new InboundCloudEvent(id, type, source, subject, time, data);
    }

    /**
     * Reads a CloudEvents attribute header. Spring Cloud Function canonicalises the Kafka names ({@code ce_id}) to
     * the HTTP ones ({@code ce-id}) before the function sees them, when the values arrived typed as strings; both
     * spellings are accepted.
     */
    static Optional<String> header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        // a producer that JSON-encoded a string header ("\"abc\"") is tolerated
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static Instant parseTime(String value, String id) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException("ce_time of " + id + " is not RFC 3339: " + value, e);
        }
    }
}
