package org.pledge.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;

/** {@code pledge.audit.checkpoint.v1}: approved JSON, schema validity, compatibility, and what the schema refuses. */
class AuditContractsTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();
    private static final String TYPE = EventTypes.AUDIT_CHECKPOINT.name();

    static AuditCheckpointV1 aCheckpoint() {
        return new AuditCheckpointV1("case-service", 2000,
                "6a09e667f3bcc908b2fb1366ea957d3e3adec17512775099da2f590b0667322a",
                Instant.parse("2026-03-02T14:00:00Z"), "0f3c9a51d2e47b68", "Ed25519",
                "ab".repeat(64));
    }

    @Test
    void checkpoint_travelsOnTheAuditTopic() {
        assertThat(EventTypes.AUDIT_CHECKPOINT.topic()).isEqualTo(Topics.AUDIT).isEqualTo("pledge.audit.v1");
        assertThat(EventTypes.AUDIT_CHECKPOINT.dataType()).isEqualTo(AuditCheckpointV1.class);
    }

    @Test
    void json_isApproved_andValid() throws IOException {
        // as it travels (a long read back from JSON is an int node)
        JsonNode actual = MAPPER.readTree(MAPPER.writeValueAsBytes(aCheckpoint()));
        assertThat(actual).isEqualTo(read("/approved/pledge.audit.checkpoint.v1.json"));
        assertThat(SchemaCheck.violations(TYPE, actual)).isEmpty();
        assertThat(MAPPER.treeToValue(actual, AuditCheckpointV1.class)).isEqualTo(aCheckpoint());
    }

    @Test
    void schema_describesEveryField_andRequiresThemAll() throws IOException {
        JsonNode schema = read(EventTypes.AUDIT_CHECKPOINT.schemaResource());
        for (RecordComponent component : AuditCheckpointV1.class.getRecordComponents()) {
            assertThat(schema.get("properties").has(component.getName())).as(component.getName()).isTrue();
            assertThat(schema.get("required")).as(component.getName())
                    .anySatisfy(r -> assertThat(r.asText()).isEqualTo(component.getName()));
        }
    }

    @Test
    void newerProducer_withAnAddedField_isValid_andReadable() throws IOException {
        ObjectNode newer = MAPPER.valueToTree(aCheckpoint());
        newer.put("chain", "events");
        assertThat(SchemaCheck.violations(TYPE, newer)).isEmpty();
        assertThat(MAPPER.treeToValue(newer, AuditCheckpointV1.class)).isEqualTo(aCheckpoint());
    }

    @Test
    void anEcdsaSignature_isValid() {
        ObjectNode ecdsa = MAPPER.valueToTree(aCheckpoint());
        ecdsa.put("algorithm", "SHA256withECDSA").put("signature", "30" + "45".repeat(70));
        assertThat(SchemaCheck.violations(TYPE, ecdsa)).isEmpty();
    }

    static Stream<Arguments> malformedFields() {
        return Stream.of(
                Arguments.of("link", "6A09E667F3BCC908B2FB1366EA957D3E3ADEC17512775099DA2F590B0667322A"),
                Arguments.of("link", "6a09e667"),
                Arguments.of("link", "6a09e667f3bcc908b2fb1366ea957d3e3adec17512775099da2f590b0667322a\n"),
                Arguments.of("keyId", "0f3c9a51d2e47b6"),
                Arguments.of("algorithm", "RSA"),
                Arguments.of("signature", "abc"),
                Arguments.of("signature", "zz"),
                Arguments.of("signedAt", "yesterday"),
                Arguments.of("service", "Case Service"),
                Arguments.of("service", "case-service\r\n"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("malformedFields")
    void malformedFields_areRefused(String field, String value) {
        ObjectNode bad = MAPPER.valueToTree(aCheckpoint());
        bad.put(field, value);
        assertThat(SchemaCheck.violations(TYPE, bad)).singleElement().asString().contains(field);
    }

    @Test
    void aSequenceBelowOne_orMissing_isRefused() {
        ObjectNode zero = MAPPER.valueToTree(aCheckpoint());
        zero.put("sequence", 0);
        assertThat(SchemaCheck.violations(TYPE, zero)).singleElement().asString().contains("sequence");
        ObjectNode missing = MAPPER.valueToTree(aCheckpoint());
        missing.remove("sequence");
        assertThat(SchemaCheck.violations(TYPE, missing)).singleElement().asString().contains("sequence");
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = AuditContractsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
