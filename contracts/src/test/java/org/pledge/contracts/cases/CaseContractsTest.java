package org.pledge.contracts.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The {@code pledge.case.*.v1} contracts other than {@code submitted} (see {@code ContractsTest}): approved JSON,
 * schema validity, forward and backward compatibility, and no personal data: only the applicant reference, the data subject.
 */
class CaseContractsTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();
    private static final String CASE = "case-1";
    private static final Instant DEADLINE = Instant.parse("2026-03-17T04:00:00Z");
    private static final Instant AT = Instant.parse("2026-03-05T15:30:00Z");

    /** One sample ("mother") of every case contract after submitted, by type. */
    static Map<EventType, Object> samples() {
        Map<EventType, Object> samples = new LinkedHashMap<>();
        samples.put(EventTypes.CASE_ASSIGNED, new CaseAssignedV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL", DEADLINE, AT));
        samples.put(EventTypes.CASE_INFORMATION_REQUESTED,
                new InformationRequestedV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL", DEADLINE, "missing-photo", AT));
        samples.put(EventTypes.CASE_INFORMATION_RECEIVED, new InformationReceivedV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL",
                Instant.parse("2026-03-19T04:00:00Z"), AT, Instant.parse("2026-03-09T13:00:00Z"), Instant.parse("2026-03-16T04:00:00Z")));
        samples.put(EventTypes.CASE_AT_RISK, new CaseAtRiskV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL", DEADLINE,
                Instant.parse("2026-03-13T04:00:00Z"), Instant.parse("2026-03-13T04:00:05Z")));
        samples.put(EventTypes.CASE_SERVICE_STANDARD_BREACHED, new ServiceStandardBreachedV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA",
                "EMAIL", DEADLINE, Instant.parse("2026-03-17T04:00:05Z"), true, new Money("120.00", "CAD")));
        samples.put(EventTypes.CASE_RESOLVED, new CaseResolvedV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL", DEADLINE,
                "APPROVED", Instant.parse("2026-03-18T15:00:00Z"), false, 2));
        samples.put(EventTypes.CASE_WITHDRAWN, new CaseWithdrawnV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL", DEADLINE, "CHANNEL", AT));
        samples.put(EventTypes.CASE_REOPENED, new CaseReopenedV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL",
                Instant.parse("2026-03-20T04:00:00Z"), Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-11T12:00:00Z"),
                Instant.parse("2026-03-17T04:00:00Z")));
        samples.put(EventTypes.CASE_DEADLINE_RECALCULATED, new DeadlineRecalculatedV1(CASE, "PASSPORT", "WEB", "ref-42", "fr-CA", "EMAIL",
                Instant.parse("2026-03-18T04:00:00Z"), "CA-ON", 2, Instant.parse("2026-03-14T04:00:00Z"), AT));
        return samples;
    }

    static Stream<Arguments> types() {
        return samples().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void everyCaseTypeOnTheCaseTopic_hasASample() {
        List<EventType> caseTypes = EventTypes.ALL.stream().filter(t -> t.topic().equals(Topics.CASE))
                .filter(t -> t != EventTypes.CASE_SUBMITTED).toList();
        assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(caseTypes);
        samples().forEach((type, sample) -> assertThat(type.dataType()).isEqualTo(sample.getClass()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void json_isApproved_andValid(EventType type, Object sample) throws IOException {
        JsonNode actual = MAPPER.valueToTree(sample);
        assertThat(actual).isEqualTo(approved(type.name() + ".json"));
        assertThat(SchemaCheck.violations(type.name(), actual)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schema_describesEveryField_ofTheRecord(EventType type, Object sample) throws IOException {
        JsonNode properties = schemaOf(type).get("properties");
        for (RecordComponent component : type.dataType().getRecordComponents()) {
            assertThat(properties.has(component.getName())).as("%s.%s", type.name(), component.getName()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void carriesNoNameOrContactPoints_andMarksTheReferenceAsTheDataSubject(EventType type, Object sample) throws IOException {
        JsonNode schema = schemaOf(type);
        assertThat(schema.get("properties").get("applicantReference").path("x-data-subject").asBoolean()).isTrue();
        assertThat(schema.get("properties").get("applicantReference").has("x-personal-data")).isFalse();
        List<String> names = fieldNames(schema.get("properties"));
        assertThat(names).doesNotContain("applicant", "name", "email", "phone", "postalAddress", "note", "reason");
        assertThat(Arrays.stream(type.dataType().getRecordComponents()).map(RecordComponent::getName))
                .doesNotContain("applicant", "name", "email", "phone", "postalAddress", "note", "reason");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void olderProducer_withOnlyTheRequiredFields_isValid_andReadable(EventType type, Object sample) throws IOException {
        ObjectNode full = MAPPER.valueToTree(sample);
        ObjectNode minimal = MAPPER.createObjectNode();
        schemaOf(type).get("required").forEach(r -> minimal.set(r.asText(), full.get(r.asText())));
        assertThat(SchemaCheck.violations(type.name(), minimal)).isEmpty();
        Object read = MAPPER.treeToValue(minimal, type.dataType());
        assertThat(MAPPER.valueToTree(read).get("caseId").asText()).isEqualTo(CASE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void newerProducer_withAnAddedField_isValid_andReadable(EventType type, Object sample) throws IOException {
        ObjectNode newer = MAPPER.valueToTree(sample);
        newer.put("priority", "HIGH");
        assertThat(SchemaCheck.violations(type.name(), newer)).isEmpty();
        assertThat(MAPPER.treeToValue(newer, type.dataType())).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void schema_rejectsAMissingCaseId_andAnInstantThatIsNotOne(EventType type, Object sample) {
        ObjectNode bad = MAPPER.valueToTree(sample);
        bad.remove("caseId");
        bad.put("deadline", "next tuesday");
        assertThat(SchemaCheck.violations(type.name(), bad)).hasSize(2);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static JsonNode schemaOf(EventType type) throws IOException {
        try (InputStream in = CaseContractsTest.class.getResourceAsStream(type.schemaResource())) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonNode approved(String name) throws IOException {
        try (InputStream in = CaseContractsTest.class.getResourceAsStream("/approved/" + name)) {
            assertThat(in).as("approved file /approved/%s", name).isNotNull();
            return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
