package org.pledge.contracts.guarantee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.contracts.EventType;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.Money;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;

/**
 * The {@code pledge.guarantee.*.v1} contracts: approved JSON, schema validity, forward compatibility, bounds, and no
 * personal data: only the applicant reference, the data subject.
 */
class GuaranteeContractsTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();
    private static final String CASE = "case-1";
    private static final String CLAIM = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String REFUND = "R0f8fad5bd9cb469fa16570867728950e01";
    private static final Money REFUND_AMOUNT = new Money("30.00", "CAD");

    /** One sample of every guarantee contract, by type. */
    static Map<EventType, Object> samples() {
        Map<EventType, Object> samples = new LinkedHashMap<>();
        samples.put(EventTypes.GUARANTEE_CLAIM_OPENED, new ClaimOpenedV1(CASE, CLAIM, "PASSPORT", "ref-42", "fr-CA",
                new Money("120.00", "CAD"), Instant.parse("2026-03-17T04:00:00Z"), Instant.parse("2026-03-17T04:00:05Z"), 1));
        samples.put(EventTypes.GUARANTEE_REFUND_APPROVED, new RefundApprovedV1(CASE, CLAIM, "PASSPORT", "ref-42", "fr-CA",
                REFUND_AMOUNT, REFUND, "ORIGINAL_PAYMENT_METHOD", true, Instant.parse("2026-03-20T15:00:00Z")));
        samples.put(EventTypes.GUARANTEE_REFUND_REJECTED, new RefundRejectedV1(CASE, CLAIM, "PASSPORT", "ref-42", "fr-CA",
                REFUND_AMOUNT, "The delay was caused by the applicant's late reply.", Instant.parse("2026-03-21T10:00:00Z")));
        samples.put(EventTypes.GUARANTEE_REFUND_PAID, new RefundPaidV1(CASE, CLAIM, "PASSPORT", "ref-42", "fr-CA",
                REFUND_AMOUNT, REFUND, "ORIGINAL_PAYMENT_METHOD", Instant.parse("2026-03-20T15:00:02Z")));
        samples.put(EventTypes.GUARANTEE_REFUND_FAILED, new RefundFailedV1(CASE, CLAIM, "PASSPORT", "ref-42", "fr-CA",
                REFUND_AMOUNT, REFUND, "BANK_TRANSFER", "AC04", Instant.parse("2026-03-22T09:00:00Z")));
        return samples;
    }

    static Stream<Arguments> everyType() {
        return samples().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void json_isApproved_valid_andReadBack(EventType type, Object sample) throws IOException {
        JsonNode actual = MAPPER.valueToTree(sample);
        assertThat(actual).isEqualTo(approved(type));
        assertThat(SchemaCheck.violations(type.name(), actual)).isEmpty();
        assertThat(MAPPER.treeToValue(actual, type.dataType())).isEqualTo(sample);
        assertThat(type.topic()).isEqualTo(Topics.GUARANTEE).isEqualTo("pledge.guarantee.v1");
        assertThat(type.dataType()).isEqualTo(sample.getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void schema_describesEveryComponent_andNothingElse(EventType type, Object sample) throws IOException {
        JsonNode properties = schema(type).get("properties");
        for (RecordComponent component : type.dataType().getRecordComponents()) {
            assertThat(properties.has(component.getName())).as(component.getName()).isTrue();
        }
        assertThat(properties.size()).isEqualTo(type.dataType().getRecordComponents().length);
        assertThat(properties.get("applicantReference").get("x-data-subject").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void newerProducer_withAnAddedField_isValid_andReadable(EventType type, Object sample) throws IOException {
        ObjectNode newer = MAPPER.valueToTree(sample);
        newer.put("priority", "HIGH");
        assertThat(SchemaCheck.violations(type.name(), newer)).isEmpty();
        assertThat(MAPPER.treeToValue(newer, type.dataType())).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void withoutTheOptionalApplicantFacts_itIsStillValid(EventType type, Object sample) {
        ObjectNode bare = MAPPER.valueToTree(sample);
        bare.remove("applicantReference");
        bare.remove("language");
        assertThat(SchemaCheck.violations(type.name(), bare)).isEmpty();
    }

    static Stream<Arguments> junk() {
        return Stream.of(
                Arguments.of("caseId", ""),
                Arguments.of("claimId", "claim\r\n1"),
                Arguments.of("serviceType", "passport"),
                Arguments.of("applicantReference", "ref\u202E42"),
                Arguments.of("language", "fr-CA\n"),
                Arguments.of("caseId", "x".repeat(65)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("junk")
    void junkInTheCommonFields_isRefused_inEveryType(String field, String value) {
        samples().forEach((type, sample) -> {
            ObjectNode bad = MAPPER.valueToTree(sample);
            bad.put(field, value);
            assertThat(SchemaCheck.violations(type.name(), bad)).as(type.name()).isNotEmpty()
                    .allSatisfy(v -> assertThat(v).contains(field));
        });
    }

    @Test
    void amountsAreDecimalStrings_refundIdsAndMethodsAreBounded_andReasonsAreText() {
        ObjectNode badAmount = MAPPER.valueToTree(samples().get(EventTypes.GUARANTEE_REFUND_PAID));
        ((ObjectNode) badAmount.get("amount")).put("amount", 30.0);
        assertThat(SchemaCheck.violations(EventTypes.GUARANTEE_REFUND_PAID.name(), badAmount)).isNotEmpty();

        ObjectNode badRefund = MAPPER.valueToTree(samples().get(EventTypes.GUARANTEE_REFUND_PAID));
        badRefund.put("refundId", "R" + "0".repeat(35));
        badRefund.put("method", "CHEQUE");
        assertThat(SchemaCheck.violations(EventTypes.GUARANTEE_REFUND_PAID.name(), badRefund)).isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains("refundId"))
                .anySatisfy(v -> assertThat(v).contains("method"))
                .allSatisfy(v -> assertThat(v).containsAnyOf("refundId", "method"));

        ObjectNode multiLine = MAPPER.valueToTree(samples().get(EventTypes.GUARANTEE_REFUND_REJECTED));
        multiLine.put("reason", "Late reply.\nSee the letter of 2 March.");
        assertThat(SchemaCheck.violations(EventTypes.GUARANTEE_REFUND_REJECTED.name(), multiLine)).isEmpty();
        multiLine.put("reason", "Late reply.\u0007");
        assertThat(SchemaCheck.violations(EventTypes.GUARANTEE_REFUND_REJECTED.name(), multiLine)).singleElement()
                .asString().contains("reason");
    }

    @Test
    void requiredFields_areNamed_whenMissing() {
        ObjectNode bad = MAPPER.valueToTree(samples().get(EventTypes.GUARANTEE_REFUND_APPROVED));
        bad.remove("refundId");
        bad.remove("amount");
        assertThat(SchemaCheck.violations(EventTypes.GUARANTEE_REFUND_APPROVED.name(), bad)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("refundId"))
                .anySatisfy(v -> assertThat(v).contains("amount"));
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = GuaranteeContractsTest.class.getResourceAsStream(type.schemaResource())) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonNode approved(EventType type) throws IOException {
        try (InputStream in = GuaranteeContractsTest.class.getResourceAsStream("/approved/" + type.name() + ".json")) {
            assertThat(in).as(type.name()).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
