package org.pledge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The AsyncAPI document ({@code asyncapi.yaml}) describes every topic and event type there is, and only real ones:
 * one channel per topic and per dead-letter topic, one message per {@link EventTypes} entry on its topic's channels,
 * each with its CloudEvents type and a payload that is the type's JSON Schema in this module. (Its form is checked by
 * the linters: {@code tools/api-lint/lint.sh}.)
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "/org/pledge/contracts/asyncapi.yaml";
    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
    private static final JsonNode ASYNCAPI = read();

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void isAsyncApi3_onKafka() {
        assertThat(ASYNCAPI.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(ASYNCAPI.path("servers")).allSatisfy(server -> assertThat(server.path("protocol").asText()).isEqualTo("kafka"));
    }

    @Test
    void everyTopic_andItsDeadLetterTopic_isAChannel_andEveryChannelIsATopic() {
        List<String> expected = new ArrayList<>();
        for (String topic : Topics.ALL) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }
        List<String> addresses = new ArrayList<>();
        ASYNCAPI.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @FieldSource("org.pledge.contracts.EventTypes#ALL")
    void everyEventType_isAMessage_withItsTypeAndSchema(EventType type) {
        JsonNode message = ASYNCAPI.path("components").path("messages").path(type.name());
        assertThat(message.isObject()).as("components.messages." + type.name()).isTrue();
        assertThat(message.path("name").asText()).isEqualTo(type.name());
        assertThat(message.path("headers").path("allOf")).anySatisfy(part ->
                assertThat(part.path("properties").path(CloudEventHeaders.TYPE).path("const").asText()).isEqualTo(type.name()));
        JsonNode payload = message.path("payload");
        assertThat(payload.path("schemaFormat").asText()).isEqualTo(SCHEMA_FORMAT);
        String ref = payload.path("schema").path("$ref").asText();
        assertThat(ref).isEqualTo("./schemas/" + type.name() + ".schema.json");
        assertThat(DOCUMENT.substring(0, DOCUMENT.lastIndexOf('/') + 1) + ref.substring(2)).isEqualTo(type.schemaResource());
    }

    @ParameterizedTest
    @FieldSource("org.pledge.contracts.EventTypes#ALL")
    void everyEventType_travelsOnItsTopic_andItsDeadLetterTopic_only(EventType type) {
        Set<String> channels = new LinkedHashSet<>();
        ASYNCAPI.path("channels").fields().forEachRemaining(channel -> {
            if (channel.getValue().path("messages").has(type.name())) {
                channels.add(channel.getValue().path("address").asText());
                assertThat(channel.getValue().path("messages").path(type.name()).path("$ref").asText())
                        .isEqualTo("#/components/messages/" + type.name());
            }
        });
        assertThat(channels).containsExactlyInAnyOrder(type.topic(), Topics.deadLetter(type.topic()));
    }

    @ParameterizedTest
    @FieldSource("org.pledge.contracts.EventTypes#ALL")
    void messagesWithPersonalData_listItsFieldsAndSubject_asTheirSchemaMarksThem(EventType type) throws IOException {
        JsonNode schema;
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream(type.schemaResource())) {
            schema = new ObjectMapper().readTree(in);
        }
        Set<String> personal = PersonalDataMarksTest.schemaPaths(schema, SchemaCheck.PERSONAL_DATA_KEYWORD);
        JsonNode message = ASYNCAPI.path("components").path("messages").path(type.name());
        Set<String> listed = new java.util.TreeSet<>();
        message.path(SchemaCheck.PERSONAL_DATA_KEYWORD).forEach(path -> listed.add(path.asText()));
        assertThat(listed).as("%s: x-personal-data of the message", type.name()).isEqualTo(personal);
        if (personal.isEmpty()) {
            assertThat(message.has(SchemaCheck.DATA_SUBJECT_KEYWORD)).as(type.name()).isFalse();
        } else {
            assertThat(Set.of(message.path(SchemaCheck.DATA_SUBJECT_KEYWORD).asText()))
                    .isEqualTo(PersonalDataMarksTest.schemaPaths(schema, SchemaCheck.DATA_SUBJECT_KEYWORD));
            assertThat(message.path("description").asText()).as(type.name()).contains("x-personal-data", "x-data-subject");
        }
    }

    @Test
    void everyMessage_isAnEventType() {
        List<String> names = new ArrayList<>();
        ASYNCAPI.path("components").path("messages").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @Test
    void everyReferencedFile_exists() {
        List<String> refs = new ArrayList<>();
        collectRefs(ASYNCAPI, refs);
        List<String> files = refs.stream().filter(ref -> !ref.startsWith("#")).toList();
        assertThat(files).hasSize(EventTypes.ALL.size());
        for (String file : files) {
            URL resource = AsyncApiDocumentTest.class.getResource(DOCUMENT.substring(0, DOCUMENT.lastIndexOf('/') + 1)
                    + file.replaceFirst("^\\./", ""));
            assertThat(resource).as(file).isNotNull();
        }
    }

    @Test
    void everyLocalReference_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(ASYNCAPI, refs);
        for (String ref : refs.stream().filter(r -> r.startsWith("#/")).toList()) {
            JsonNode target = ASYNCAPI.at(ref.substring(1).replace("~1", "/"));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void everyOperation_refersToAChannelAndToMessagesOfIt() {
        for (Map.Entry<String, JsonNode> operation : (Iterable<Map.Entry<String, JsonNode>>) ASYNCAPI.path("operations")::fields) {
            JsonNode op = operation.getValue();
            assertThat(op.path("action").asText()).as(operation.getKey()).isIn("send", "receive");
            String channel = op.path("channel").path("$ref").asText();
            assertThat(channel).as(operation.getKey()).startsWith("#/channels/");
            for (JsonNode message : op.path("messages")) {
                assertThat(message.path("$ref").asText()).as(operation.getKey()).startsWith(channel + "/messages/");
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ("$ref".equals(field.getKey())) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
