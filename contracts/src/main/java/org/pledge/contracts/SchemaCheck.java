package org.pledge.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks that the data of a published message validates against the JSON Schema of its type. Used by
 * every service's contract tests, and by consumers that want to reject malformed input early.
 */
public final class SchemaCheck {

    /** Jackson's read limits, as the services' ObjectMappers have them (platform {@code pledge.json.*} defaults). */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNumberLength(64).maxNestingDepth(64).maxStringLength(1_000_000).maxNameLength(256).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The keyword marking a property that holds personal data ({@link PersonalDataField}). */
    public static final String PERSONAL_DATA_KEYWORD = "x-personal-data";
    /** The keyword marking the property that names the data subject ({@link DataSubjectField}). */
    public static final String DATA_SUBJECT_KEYWORD = "x-data-subject";
    /** Draft 2020-12 plus the personal-data marks, known as annotations (no validation; no "unknown keyword" warning). */
    private static final JsonMetaSchema META_SCHEMA = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new AnnotationKeyword(PERSONAL_DATA_KEYWORD))
            .keyword(new AnnotationKeyword(DATA_SUBJECT_KEYWORD))
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(META_SCHEMA));
    /** Formats (date-time, …) are asserted, not only annotated. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    /** The violations of {@code data} against the schema of the type named {@code typeName}; empty when valid. */
    public static List<String> violations(String typeName, JsonNode data) {
        EventType type = EventTypes.byName(typeName)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type: " + typeName));
        return schema(type).validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public static List<String> violations(String typeName, byte[] json) {
        try {
            return violations(typeName, MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the JSON form of a contract record. */
    public static List<String> violationsOf(EventType type, Object data) {
        return violations(type.name(), MAPPER.valueToTree(data));
    }

    /** Throws {@link AssertionError} listing every violation. */
    public static void assertValid(String typeName, byte[] json) {
        List<String> violations = violations(typeName, json);
        if (!violations.isEmpty()) {
            throw new AssertionError(typeName + " does not match its schema: " + violations);
        }
    }

    static JsonSchema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type.name(), name -> {
            try (InputStream in = SchemaCheck.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema at " + type.schemaResource());
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The mapper contracts are written with: ISO-8601 instants, no timestamps. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
