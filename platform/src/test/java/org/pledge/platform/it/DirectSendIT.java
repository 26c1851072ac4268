package org.pledge.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.pledge.platform.messaging.publish.CloudEventMessageFactory;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.pledge.platform.messaging.publish.StreamBridgeIntegrationEventSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;

/**
 * After a topic's first record, the sender hands records straight to the binder's producer handler instead of going
 * through {@code StreamBridge}. A consumer must not be able to tell: same headers with the same bytes, same payload,
 * same key and partition.
 */
@PlatformIT
class DirectSendIT {

    private static final String JSON_TYPES = "spring_json_header_types";

    @Autowired
    StreamBridgeIntegrationEventSender sender;
    @Autowired
    StreamBridge streamBridge;
    @Autowired
    CloudEventMessageFactory messages;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void recordsSentPastStreamBridge_areTheSameOnTheWire_asOnesSentThroughIt() throws Exception {
        String topic = "pledge.test.direct-" + UUID.randomUUID() + ".v1";
        String subject = "case-" + UUID.randomUUID();
        Instant time = Instant.parse("2026-11-27T10:15:30.123456Z");
        OutboundIntegrationEvent event = OutboundIntegrationEvent.of(topic, "pledge.test.direct.v1", subject,
                Map.of("subject", subject, "note", "same bytes"));

        // the reference: one record exactly as before this path existed, through StreamBridge
        Message<byte[]> reference = messages.create("ref", time, event);
        assertThat(streamBridge.send(topic, reference)).isTrue();
        // the first through the sender learns the binding's handler, the second is the direct path
        sender.send(topic, messages.create("first", time, event)).get(30, TimeUnit.SECONDS);
        assertThat(sender.sendsPastStreamBridge(topic)).isTrue();
        sender.send(topic, messages.create("direct", time, event)).get(30, TimeUnit.SECONDS);

        List<ConsumerRecord<String, byte[]>> records = RawKafka.awaitAll(topic, r -> subject.equals(r.key()), 3,
                Duration.ofSeconds(60));
        assertThat(records).extracting(r -> RawKafka.header(r, "ce_id")).containsExactly("ref", "first", "direct");
        Map<String, String> expected = headersBesidesId(records.get(0));
        assertThat(expected).containsKeys("target-protocol", "message-type", "contentType", "content-type",
                "ce_specversion");
        Map<String, String> expectedTypes = jsonHeaderTypes(records.get(0));
        assertThat(expectedTypes).containsKeys("ce_id", "target-protocol", "message-type");
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(headersBesidesId(record)).isEqualTo(expected);
            assertThat(jsonHeaderTypes(record)).isEqualTo(expectedTypes);
            assertThat(record.value()).isEqualTo(records.get(0).value());
            assertThat(record.partition()).isEqualTo(records.get(0).partition());
        }
    }

    /**
     * Every header but {@code ce_id} and the JSON type map, values as their exact bytes. Not their order: the binder
     * writes headers (and the type map's keys) in the iteration order of the message's hash map, which differs for a
     * map built in other steps; consumers read headers by name. The type map is compared as JSON.
     */
    private static Map<String, String> headersBesidesId(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().equals("ce_id") && !header.key().equals(JSON_TYPES)) {
                headers.put(header.key(), header.value() == null ? null : hex(header.value()));
            }
        }
        return headers;
    }

    private Map<String, String> jsonHeaderTypes(ConsumerRecord<?, ?> record) throws Exception {
        return objectMapper.readValue(RawKafka.header(record, JSON_TYPES), new TypeReference<>() { });
    }

    private static String hex(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8) + " " + HexFormat.of().formatHex(bytes);
    }
}
