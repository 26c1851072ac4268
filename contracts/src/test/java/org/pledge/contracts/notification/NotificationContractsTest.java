package org.pledge.contracts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
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
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;
import org.pledge.contracts.feedback.SurveyInvitedV1;

/**
 * The contracts of what clients are told: {@code pledge.notification.{delivered,failed}.v1} and the survey invitation
 * notification-service sends ({@code pledge.feedback.survey-invited.v1}): approved JSON, schema validity, forward
 * compatibility, bounds, and no personal data but the applicant reference, the data subject.
 */
class NotificationContractsTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();
    private static final String CASE = "case-1";
    private static final String NOTIFICATION = "0f8fad5b-d9cb-469f-a165-70867728950e";

    static Map<EventType, Object> samples() {
        Map<EventType, Object> samples = new LinkedHashMap<>();
        samples.put(EventTypes.NOTIFICATION_DELIVERED, new NotificationDeliveredV1(NOTIFICATION, CASE, "ref-42", "case-submitted",
                "case-submitted", "pledge.case.submitted.v1", "EMAIL", "fr-CA", Instant.parse("2026-03-02T14:00:03Z")));
        samples.put(EventTypes.NOTIFICATION_FAILED, new NotificationFailedV1(NOTIFICATION, CASE, "ref-42", "refund-paid",
                "refund-paid", "pledge.guarantee.refund-paid.v1", "LETTER", List.of("EMAIL", "SMS", "LETTER"), "address-rejected",
                Instant.parse("2026-03-20T16:00:00Z")));
        samples.put(EventTypes.FEEDBACK_SURVEY_INVITED, new SurveyInvitedV1("inv-1", CASE, "PASSPORT", "ref-42", "fr-CA", "EMAIL",
                "https://feedback.example.gc.ca/surveys/eyJhbGciOiJIUzI1NiJ9.c3VydmV5.c2ln", Instant.parse("2026-03-16T14:00:00Z"),
                Instant.parse("2026-03-02T14:00:00Z")));
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
        assertThat(type.dataType()).isEqualTo(sample.getClass());
    }

    @Test
    void notificationEvents_travelOnTheNotificationTopic_andInvitationsOnTheFeedbackTopic() {
        assertThat(EventTypes.NOTIFICATION_DELIVERED.topic()).isEqualTo(Topics.NOTIFICATION).isEqualTo("pledge.notification.v1");
        assertThat(EventTypes.NOTIFICATION_FAILED.topic()).isEqualTo(Topics.NOTIFICATION);
        assertThat(EventTypes.FEEDBACK_SURVEY_INVITED.topic()).isEqualTo(Topics.FEEDBACK).isEqualTo("pledge.feedback.v1");
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
        assertThat(schema(type).toString()).doesNotContain("x-personal-data");
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
    void withoutTheApplicantReferenceAndLanguage_itIsStillValid(EventType type, Object sample) {
        ObjectNode bare = MAPPER.valueToTree(sample);
        bare.remove("applicantReference");
        bare.remove("language");
        assertThat(SchemaCheck.violations(type.name(), bare)).isEmpty();
    }

    static Stream<Arguments> junk() {
        return Stream.of(
                Arguments.of("caseId", ""),
                Arguments.of("caseId", "case\r\n1"),
                Arguments.of("caseId", "x".repeat(65)),
                Arguments.of("applicantReference", "ref\u202E42"),
                Arguments.of("language", "fr-CA\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("junk")
    void junkInTheCommonFields_isRefused_inEveryTypeThatHasThem(String field, String value) {
        samples().forEach((type, sample) -> {
            if (!MAPPER.valueToTree(sample).has(field)) {
                return; // pledge.notification.failed.v1 has no language: nothing was written
            }
            ObjectNode bad = MAPPER.valueToTree(sample);
            bad.put(field, value);
            assertThat(SchemaCheck.violations(type.name(), bad)).as(type.name()).isNotEmpty()
                    .allSatisfy(v -> assertThat(v).contains(field));
        });
    }

    @Test
    void channelsAreOneOfThree_andReasonsAreCodes() {
        ObjectNode delivered = MAPPER.valueToTree(samples().get(EventTypes.NOTIFICATION_DELIVERED));
        delivered.put("channel", "PIGEON");
        assertThat(SchemaCheck.violations(EventTypes.NOTIFICATION_DELIVERED.name(), delivered)).singleElement()
                .asString().contains("channel");

        ObjectNode failed = MAPPER.valueToTree(samples().get(EventTypes.NOTIFICATION_FAILED));
        failed.put("reason", "mail to jane@example.org bounced");
        failed.putArray("channelsTried").add("EMAIL").add("EMAIL");
        assertThat(SchemaCheck.violations(EventTypes.NOTIFICATION_FAILED.name(), failed)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("reason"))
                .anySatisfy(v -> assertThat(v).contains("channelsTried"));

        ObjectNode noContact = MAPPER.valueToTree(samples().get(EventTypes.NOTIFICATION_FAILED));
        noContact.remove("channel");
        noContact.putArray("channelsTried");
        noContact.put("reason", "no-contact-point");
        assertThat(SchemaCheck.violations(EventTypes.NOTIFICATION_FAILED.name(), noContact)).isEmpty();
    }

    @Test
    void surveyLinks_areHttpUrls_withoutSpacesOrControlCharacters() {
        for (String link : List.of("javascript:alert(1)", "https://x.example/s/a b", "https://x.example/s/\u0000", "", "ftp://x/s")) {
            ObjectNode bad = MAPPER.valueToTree(samples().get(EventTypes.FEEDBACK_SURVEY_INVITED));
            bad.put("link", link);
            assertThat(SchemaCheck.violations(EventTypes.FEEDBACK_SURVEY_INVITED.name(), bad)).as(link).isNotEmpty()
                    .allSatisfy(v -> assertThat(v).contains("link"));
        }
    }

    @Test
    void theSurveyLink_isNotInTheInvitationsLogLine() {
        assertThat(samples().get(EventTypes.FEEDBACK_SURVEY_INVITED).toString()).doesNotContain("https").contains("inv-1");
    }

    @Test
    void requiredFields_areNamed_whenMissing() {
        ObjectNode bad = MAPPER.valueToTree(samples().get(EventTypes.NOTIFICATION_DELIVERED));
        bad.remove("channel");
        bad.remove("deliveredAt");
        assertThat(SchemaCheck.violations(EventTypes.NOTIFICATION_DELIVERED.name(), bad)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("channel"))
                .anySatisfy(v -> assertThat(v).contains("deliveredAt"));
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = NotificationContractsTest.class.getResourceAsStream(type.schemaResource())) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonNode approved(EventType type) throws IOException {
        try (InputStream in = NotificationContractsTest.class.getResourceAsStream("/approved/" + type.name() + ".json")) {
            assertThat(in).as(type.name()).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
