package org.pledge.contracts.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.contracts.EventType;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;

/**
 * The contracts feedback-service publishes about answers: {@code pledge.feedback.received.v1}, the satisfaction alerts
 * ({@code satisfaction-alert.v1}, {@code satisfaction-recovered.v1}) and {@code follow-up-requested.v1} with the four
 * fields added within v1 (its first form stays valid and readable): approved JSON, schema validity, forward
 * compatibility, bounds, and no personal data (follow-up names its data subject, nothing else does).
 */
class FeedbackContractsTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();
    /** Reads figures as written: {@code 62.50} stays a decimal, never a double. */
    private static final ObjectMapper EXACT = SchemaCheck.mapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final String CASE = "case-1";
    private static final String FEEDBACK = "fb-0f8fad5b-d9cb-469f-a165-70867728950e";

    static Map<EventType, Object> samples() {
        Map<EventType, Object> samples = new LinkedHashMap<>();
        samples.put(EventTypes.FEEDBACK_RECEIVED, new FeedbackReceivedV1(FEEDBACK, CASE, "inv-1", "PASSPORT", "SURVEY_LINK", 2, 6,
                List.of("waiting-time", "unclear-letter"), true, true, "LATE", Instant.parse("2026-03-20T15:00:00Z")));
        // 25 of the last 40 answers rated 4 or 5: 62.50 %
        samples.put(EventTypes.FEEDBACK_SATISFACTION_ALERT, new SatisfactionAlertV1("alert-PASSPORT-1", "PASSPORT",
                new BigDecimal("62.50"), new BigDecimal("70.00"), 40, "last-40-answers", Instant.parse("2026-03-20T15:00:00Z")));
        // 32 of 40: 80.00 %
        samples.put(EventTypes.FEEDBACK_SATISFACTION_RECOVERED, new SatisfactionRecoveredV1("alert-PASSPORT-1", "PASSPORT",
                new BigDecimal("80.00"), new BigDecimal("75.00"), 40, "last-40-answers", Instant.parse("2026-03-24T09:30:00Z")));
        samples.put(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED, new FollowUpRequestedV1("fu-0f8fad5b-d9cb-469f-a165-70867728950e", CASE,
                "PASSPORT", "low-rating", Instant.parse("2026-03-20T15:00:00Z"), FEEDBACK, "ref-42", "fr-CA", 1));
        return samples;
    }

    static Stream<Arguments> everyType() {
        return samples().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void json_isApproved_valid_andReadBack(EventType type, Object sample) throws IOException {
        JsonNode actual = EXACT.readTree(MAPPER.writeValueAsBytes(sample));
        assertThat(actual).isEqualTo(approved(type));
        assertThat(SchemaCheck.violations(type.name(), actual)).isEmpty();
        assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(sample), type.dataType())).isEqualTo(sample);
        assertThat(type.dataType()).isEqualTo(sample.getClass());
    }

    @Test
    void everyFeedbackEvent_travelsOnTheFeedbackTopic() {
        for (EventType type : samples().keySet()) {
            assertThat(type.topic()).as(type.name()).isEqualTo(Topics.FEEDBACK).isEqualTo("pledge.feedback.v1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void schema_describesEveryComponent_andNothingElse(EventType type, Object sample) throws IOException {
        JsonNode properties = schema(type).get("properties");
        for (RecordComponent component : type.dataType().getRecordComponents()) {
            assertThat(properties.has(component.getName())).as(component.getName()).isTrue();
        }
        assertThat(properties.size()).isEqualTo(type.dataType().getRecordComponents().length);
        assertThat(schema(type).toString()).doesNotContain("x-personal-data");
    }

    @Test
    void onlyFollowUp_namesItsDataSubject_andTheAnswerCarriesNeitherClientNorComment() throws IOException {
        assertThat(schema(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED).path("properties").path("applicantReference")
                .path("x-data-subject").asBoolean()).isTrue();
        for (EventType type : List.of(EventTypes.FEEDBACK_RECEIVED, EventTypes.FEEDBACK_SATISFACTION_ALERT,
                EventTypes.FEEDBACK_SATISFACTION_RECOVERED)) {
            assertThat(schema(type).toString()).as(type.name()).doesNotContain("x-data-subject");
            assertThat(schema(type).path("properties").has("comment")).isFalse();
            assertThat(schema(type).path("properties").has("applicantReference")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void newerProducer_withAnAddedField_isValid_andReadable(EventType type, Object sample) throws IOException {
        ObjectNode newer = (ObjectNode) EXACT.readTree(MAPPER.writeValueAsBytes(sample));
        newer.put("priority", "HIGH");
        assertThat(SchemaCheck.violations(type.name(), newer)).isEmpty();
        assertThat(MAPPER.readValue(MAPPER.writeValueAsBytes(newer), type.dataType())).isEqualTo(sample);
    }

    @Test
    void followUp_inItsFirstForm_withoutTheFourAddedFields_isStillValid_andRead() throws IOException {
        byte[] first = """
                {"followUpId":"fu-1","caseId":"case-1","serviceType":"PASSPORT","reason":"low-rating",
                 "requestedAt":"2026-03-20T15:00:00Z"}
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(SchemaCheck.violations(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED.name(), first)).isEmpty();
        FollowUpRequestedV1 read = MAPPER.readValue(first, FollowUpRequestedV1.class);
        assertThat(read).isEqualTo(new FollowUpRequestedV1("fu-1", CASE, "PASSPORT", "low-rating",
                Instant.parse("2026-03-20T15:00:00Z")));
        assertThat(read.applicantReference()).isNull();
        assertThat(read.rating()).isNull();
        // and the first form is written as it was: no nulls for the added fields
        assertThat(MAPPER.valueToTree(read).fieldNames()).toIterable()
                .containsExactly("followUpId", "caseId", "serviceType", "reason", "requestedAt");
    }

    @Test
    void figures_areReadAsExactDecimals_neverThroughADouble() throws IOException {
        SatisfactionAlertV1 alert = MAPPER.readValue(approvedBytes(EventTypes.FEEDBACK_SATISFACTION_ALERT), SatisfactionAlertV1.class);
        assertThat(alert.csat()).isEqualTo(new BigDecimal("62.50"));
        assertThat(alert.threshold()).isEqualTo(new BigDecimal("70.00"));
        SatisfactionRecoveredV1 recovered =
                MAPPER.readValue(approvedBytes(EventTypes.FEEDBACK_SATISFACTION_RECOVERED), SatisfactionRecoveredV1.class);
        assertThat(recovered.csat()).isEqualTo(new BigDecimal("80.00"));
    }

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "rating", MAPPER.getNodeFactory().numberNode(0)),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "rating", MAPPER.getNodeFactory().numberNode(6)),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "rating", MAPPER.getNodeFactory().numberNode(2.5)),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "rating", MAPPER.getNodeFactory().textNode("2")),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "effort", MAPPER.getNodeFactory().numberNode(0)),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "effort", MAPPER.getNodeFactory().numberNode(8)),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "channel", MAPPER.getNodeFactory().textNode("PIGEON")),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "timeliness", MAPPER.getNodeFactory().textNode("SOON")),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "consentToContact", MAPPER.getNodeFactory().textNode("yes")),
                Arguments.of(EventTypes.FEEDBACK_RECEIVED, "serviceType", MAPPER.getNodeFactory().textNode("passport")),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_ALERT, "csat", MAPPER.getNodeFactory().numberNode(new BigDecimal("-0.01"))),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_ALERT, "csat", MAPPER.getNodeFactory().numberNode(new BigDecimal("100.01"))),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_ALERT, "csat", MAPPER.getNodeFactory().textNode("62.50")),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_ALERT, "answers", MAPPER.getNodeFactory().numberNode(-1)),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_ALERT, "basis", MAPPER.getNodeFactory().textNode("last-forty-answers")),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_ALERT, "basis", MAPPER.getNodeFactory().textNode("PT24H\n")),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_RECOVERED, "threshold", MAPPER.getNodeFactory().numberNode(101)),
                Arguments.of(EventTypes.FEEDBACK_SATISFACTION_RECOVERED, "alertId", MAPPER.getNodeFactory().textNode("")),
                Arguments.of(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED, "rating", MAPPER.getNodeFactory().numberNode(9)),
                Arguments.of(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED, "applicantReference", MAPPER.getNodeFactory().textNode("ref\u202E42")),
                Arguments.of(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED, "applicantReference",
                        MAPPER.getNodeFactory().textNode("r".repeat(129))),
                Arguments.of(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED, "language", MAPPER.getNodeFactory().textNode("fr-CA\r\n")),
                Arguments.of(EventTypes.FEEDBACK_FOLLOW_UP_REQUESTED, "feedbackId", MAPPER.getNodeFactory().textNode("x".repeat(65))));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("outOfBounds")
    void outOfBoundsOrJunkValues_areRefused_namingTheField(EventType type, String field, JsonNode value) {
        ObjectNode bad = MAPPER.valueToTree(samples().get(type));
        bad.set(field, value);
        assertThat(SchemaCheck.violations(type.name(), bad)).isNotEmpty().allSatisfy(v -> assertThat(v).contains(field));
    }

    @Test
    void painPoints_areFewDistinctCodes() {
        List<List<String>> refused = List.of(List.of("waiting-time", "waiting-time"), List.of("Waiting time"), List.of(""),
                List.of("<script>"), IntStream.range(0, 51).mapToObj(i -> "tag-" + i).toList());
        for (List<String> painPoints : refused) {
            ObjectNode bad = MAPPER.valueToTree(samples().get(EventTypes.FEEDBACK_RECEIVED));
            bad.set("painPoints", MAPPER.valueToTree(painPoints));
            assertThat(SchemaCheck.violations(EventTypes.FEEDBACK_RECEIVED.name(), bad)).as(painPoints.toString()).isNotEmpty()
                    .allSatisfy(v -> assertThat(v).contains("painPoints"));
        }
        ObjectNode none = MAPPER.valueToTree(samples().get(EventTypes.FEEDBACK_RECEIVED));
        none.putArray("painPoints");
        assertThat(SchemaCheck.violations(EventTypes.FEEDBACK_RECEIVED.name(), none)).isEmpty();
    }

    @Test
    void anonymousChannelFeedback_withoutCaseInvitationOrEffort_isValid() throws IOException {
        FeedbackReceivedV1 kiosk = new FeedbackReceivedV1("fb-kiosk-1", null, null, "PASSPORT", "KIOSK", 5, null, List.of(), false,
                false, "OPEN", Instant.parse("2026-03-20T15:00:00Z"));
        JsonNode json = MAPPER.valueToTree(kiosk);
        assertThat(json.has("caseId")).isFalse();
        assertThat(json.has("effort")).isFalse();
        assertThat(SchemaCheck.violations(EventTypes.FEEDBACK_RECEIVED.name(), json)).isEmpty();
        assertThat(MAPPER.treeToValue(json, FeedbackReceivedV1.class)).isEqualTo(kiosk);
    }

    @Test
    void requiredFields_areNamed_whenMissing() {
        ObjectNode received = MAPPER.valueToTree(samples().get(EventTypes.FEEDBACK_RECEIVED));
        received.remove("rating");
        received.remove("timeliness");
        assertThat(SchemaCheck.violations(EventTypes.FEEDBACK_RECEIVED.name(), received)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("rating"))
                .anySatisfy(v -> assertThat(v).contains("timeliness"));
        ObjectNode alert = MAPPER.valueToTree(samples().get(EventTypes.FEEDBACK_SATISFACTION_ALERT));
        alert.remove("alertId");
        assertThat(SchemaCheck.violations(EventTypes.FEEDBACK_SATISFACTION_ALERT.name(), alert)).singleElement()
                .asString().contains("alertId");
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = FeedbackContractsTest.class.getResourceAsStream(type.schemaResource())) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonNode approved(EventType type) throws IOException {
        return EXACT.readTree(approvedBytes(type));
    }

    private static byte[] approvedBytes(EventType type) throws IOException {
        try (InputStream in = FeedbackContractsTest.class.getResourceAsStream("/approved/" + type.name() + ".json")) {
            assertThat(in).as(type.name()).isNotNull();
            return in.readAllBytes();
        }
    }
}
