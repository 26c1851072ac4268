package org.pledge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pledge.contracts.cases.CaseSubmittedV1;

class ContractsTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();

    static CaseSubmittedV1 aSubmittedCase() {
        return new CaseSubmittedV1("case-1", "PASSPORT", "web", "ref-42", "fr-CA", "EMAIL",
                Instant.parse("2026-03-02T14:00:00Z"), null, Instant.parse("2026-03-17T04:00:00Z"),
                new CaseSubmittedV1.Applicant("Marie Tremblay", "marie@example.org", null, null),
                new Money("120.00", "CAD"));
    }

    @ParameterizedTest
    @FieldSource("org.pledge.contracts.EventTypes#ALL")
    void everyType_hasASchema_onItsTopic(EventType type) {
        assertThat(SchemaCheck.schema(type)).isNotNull();
        assertThat(Topics.ALL).contains(type.topic());
        assertThat(type.name()).startsWith("pledge.");
    }

    @Test
    void caseSubmitted_jsonIsApproved() throws IOException {
        JsonNode actual = MAPPER.valueToTree(aSubmittedCase());
        assertThat(actual).isEqualTo(approved("pledge.case.submitted.v1.json"));
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), actual)).isEmpty();
    }

    @Test
    void olderProducer_withoutOptionalFields_isStillValid_andReadable() throws IOException {
        byte[] old = """
                {"caseId":"c","serviceType":"PASSPORT","channel":"web","submittedAt":"2026-01-01T00:00:00Z"}
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(SchemaCheck.violations("pledge.case.submitted.v1", old)).isEmpty();
        assertThat(MAPPER.readValue(old, CaseSubmittedV1.class).fee()).isNull();
    }

    @Test
    void newerProducer_withAnAddedField_isStillValid_andReadable() throws IOException {
        ObjectNode newer = MAPPER.valueToTree(aSubmittedCase());
        newer.put("priority", "HIGH");
        assertThat(SchemaCheck.violations("pledge.case.submitted.v1", newer)).isEmpty();
        assertThat(MAPPER.treeToValue(newer, CaseSubmittedV1.class).caseId()).isEqualTo("case-1");
    }

    @Test
    void violations_nameWhatIsWrong() {
        ObjectNode bad = MAPPER.valueToTree(aSubmittedCase());
        bad.remove("caseId");
        bad.put("submittedAt", "yesterday");
        bad.put("preferredChannel", "PIGEON");
        assertThat(SchemaCheck.violations("pledge.case.submitted.v1", bad))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("caseId"))
                .anySatisfy(v -> assertThat(v).contains("submittedAt"))
                .anySatisfy(v -> assertThat(v).contains("preferredChannel"));
        assertThatThrownBy(() -> SchemaCheck.assertValid("pledge.case.submitted.v1", "{}".getBytes()))
                .isInstanceOf(AssertionError.class);
        assertThat(SchemaCheck.violations("pledge.case.submitted.v1", "not json".getBytes())).hasSize(1);
    }

    @Test
    void money_isNeverADouble() {
        assertThatThrownBy(() -> new Money("1,5", "CAD")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> new Money("1.50", "XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MAPPER.valueToTree(new Money("0.10", "EUR")).get("amount").isTextual()).isTrue();
    }

    @Test
    void eventTypeNames_followTheConvention() {
        assertThatThrownBy(() -> new EventType("org.pledge.cases.CaseSubmittedEvent", Topics.CASE, Object.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Topics.deadLetter(Topics.CASE)).isEqualTo("pledge.case.v1.dlq");
    }

    private static JsonNode approved(String name) throws IOException {
        try (InputStream in = ContractsTest.class.getResourceAsStream("/approved/" + name)) {
            return MAPPER.readTree(in);
        }
    }
}
