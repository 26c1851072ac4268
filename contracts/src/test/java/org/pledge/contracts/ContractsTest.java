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
    void aReducedFee_carriesItsReason_andOlderReadersIgnoreIt() throws IOException {
        CaseSubmittedV1 waived = new CaseSubmittedV1("case-2", "PASSPORT", "WEB", "ref-43", "en-CA", "EMAIL",
                Instant.parse("2026-03-02T14:00:00Z"), null, null, null, new Money("0.00", "CAD"), "hardship-waiver");
        JsonNode json = MAPPER.valueToTree(waived);
        assertThat(json.get("feeReductionReason").asText()).isEqualTo("hardship-waiver");
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), json)).isEmpty();
        assertThat(MAPPER.treeToValue(json, CaseSubmittedV1.class)).isEqualTo(waived);
        // the full fee: no field at all (the approved JSON above), so a reader from before the field sees what it knew
        assertThat(MAPPER.valueToTree(aSubmittedCase()).has("feeReductionReason")).isFalse();
        ObjectNode bad = json.deepCopy();
        bad.put("feeReductionReason", "Because I Said So\r\n");
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), bad)).singleElement().asString().contains("feeReductionReason");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e1000000", "1E+3", "120.00.0", "1,5", " 120.00", "120.00\n", "0x10",
            "1234567890123456789", "1.23456", "", "-", ".5"})
    void unboundedOrMalformedAmounts_areRefused_bySchemaAndRecord(String amount) {
        ObjectNode bad = MAPPER.valueToTree(aSubmittedCase());
        ((ObjectNode) bad.get("fee")).put("amount", amount);
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), bad)).isNotEmpty();
        assertThatThrownBy(() -> new Money(amount, "CAD")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aMegabyteAmount_isRefusedWithoutBeingParsed() {
        String huge = "9".repeat(1_000_000);
        ObjectNode bad = MAPPER.valueToTree(aSubmittedCase());
        ((ObjectNode) bad.get("fee")).put("amount", huge);
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), bad)).isNotEmpty();
        assertThatThrownBy(() -> new Money(huge, "CAD")).isInstanceOf(NumberFormatException.class).hasMessageNotContaining("999");
        assertThatThrownBy(() -> Money.of(new java.math.BigDecimal("1e1000000"), java.util.Currency.getInstance("CAD")))
                .isInstanceOf(NumberFormatException.class);
        // a JSON number that long is refused while it is read
        String json = "{\"caseId\":\"c\",\"n\":" + "9".repeat(65) + "}";
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), json.getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("not JSON");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> junkInTextFields() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("applicant.email", "a@example.org\r\nBcc: victim@example.org"),
                org.junit.jupiter.params.provider.Arguments.of("applicant.email", "a@example.org\n"),
                org.junit.jupiter.params.provider.Arguments.of("applicant.email", "not an email"),
                org.junit.jupiter.params.provider.Arguments.of("applicant.name", "Marie\u0000Tremblay"),
                org.junit.jupiter.params.provider.Arguments.of("applicant.name", "Marie Tremblay\n"),
                org.junit.jupiter.params.provider.Arguments.of("applicant.name", "Marie\u202ETremblay"),
                org.junit.jupiter.params.provider.Arguments.of("applicant.phone", "+1 514\n555"),
                org.junit.jupiter.params.provider.Arguments.of("applicant.postalAddress", "1 Main St\u0007"),
                org.junit.jupiter.params.provider.Arguments.of("applicantReference", "ref\r\n42"),
                org.junit.jupiter.params.provider.Arguments.of("channel", "WEB\n"),
                org.junit.jupiter.params.provider.Arguments.of("serviceType", "passport"),
                org.junit.jupiter.params.provider.Arguments.of("serviceType", "PASSPORT\r\n"),
                org.junit.jupiter.params.provider.Arguments.of("language", "fr-CA\r\n"),
                org.junit.jupiter.params.provider.Arguments.of("caseId", "case-1\u2028"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("junkInTextFields")
    void controlCharactersAndJunk_inTextFields_areRefused(String path, String value) {
        ObjectNode bad = MAPPER.valueToTree(aSubmittedCase());
        String[] parts = path.split("\\.");
        ObjectNode parent = parts.length == 1 ? bad : (ObjectNode) bad.get(parts[0]);
        parent.put(parts[parts.length - 1], value);
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), bad)).as(path).isNotEmpty();
    }

    @Test
    void overlongTexts_areRefused() {
        for (String field : new String[] {"caseId", "applicantReference", "channel"}) {
            ObjectNode bad = MAPPER.valueToTree(aSubmittedCase());
            bad.put(field, "x".repeat(1000));
            assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), bad)).as(field).isNotEmpty();
        }
        ObjectNode bad = MAPPER.valueToTree(aSubmittedCase());
        ((ObjectNode) bad.get("applicant")).put("name", "x".repeat(257));
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), bad)).isNotEmpty();
    }

    @Test
    void everyScript_inNamesAndAddresses_isValid() {
        for (String name : new String[] {"محمد عبد الله", "王小明", "देवनागरी नाम", "👩🏽‍💻 Ada"}) {
            ObjectNode data = MAPPER.valueToTree(aSubmittedCase());
            ((ObjectNode) data.get("applicant")).put("name", name).put("postalAddress", name + "\n" + name);
            assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), data)).as(name).isEmpty();
        }
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
