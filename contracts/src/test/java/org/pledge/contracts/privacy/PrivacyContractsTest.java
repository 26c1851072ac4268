package org.pledge.contracts.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;

/**
 * {@code pledge.privacy.data-subject-erased.v1}: approved JSON, schema validity, forward and backward compatibility,
 * and no personal data (a subject reference, an instant and a reason code).
 */
class PrivacyContractsTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();
    private static final String TYPE = EventTypes.PRIVACY_DATA_SUBJECT_ERASED.name();

    static DataSubjectErasedV1 anErasure() {
        return new DataSubjectErasedV1("web-4711", Instant.parse("2026-03-02T14:00:00Z"), "subject-request");
    }

    @Test
    void dataSubjectErased_travelsOnThePrivacyTopic_asItsRecord() {
        assertThat(EventTypes.PRIVACY_DATA_SUBJECT_ERASED.topic()).isEqualTo(Topics.PRIVACY).isEqualTo("pledge.privacy.v1");
        assertThat(EventTypes.byName(TYPE)).contains(EventTypes.PRIVACY_DATA_SUBJECT_ERASED);
        assertThat(EventTypes.PRIVACY_DATA_SUBJECT_ERASED.dataType()).isEqualTo(DataSubjectErasedV1.class);
    }

    @Test
    void json_isApproved_andValid() throws IOException {
        JsonNode actual = MAPPER.valueToTree(anErasure());
        assertThat(actual).isEqualTo(approved());
        assertThat(SchemaCheck.violations(TYPE, actual)).isEmpty();
    }

    @Test
    void schema_describesEveryField_andMarksNoneAsPersonalData() throws IOException {
        JsonNode properties = schema().get("properties");
        for (RecordComponent component : DataSubjectErasedV1.class.getRecordComponents()) {
            assertThat(properties.has(component.getName())).as(component.getName()).isTrue();
            assertThat(properties.get(component.getName()).has("x-personal-data")).as(component.getName()).isFalse();
        }
        assertThat(properties.size()).isEqualTo(DataSubjectErasedV1.class.getRecordComponents().length);
    }

    @Test
    void newerProducer_withAnAddedFieldAndReason_isValid_andReadable() throws IOException {
        ObjectNode newer = MAPPER.valueToTree(anErasure());
        newer.put("scope", "all");
        newer.put("reason", "court-order");
        assertThat(SchemaCheck.violations(TYPE, newer)).isEmpty();
        assertThat(MAPPER.treeToValue(newer, DataSubjectErasedV1.class).reason()).isEqualTo("court-order");
    }

    @Test
    void violations_nameAMissingSubject_andAnInstantThatIsNotOne() {
        ObjectNode bad = MAPPER.valueToTree(anErasure());
        bad.remove("subjectRef");
        bad.put("erasedAt", "yesterday");
        assertThat(SchemaCheck.violations(TYPE, bad)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("subjectRef"))
                .anySatisfy(v -> assertThat(v).contains("erasedAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Because She Asked", "subject-request\n", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void reasonsThatAreNotCodes_areRefused(String reason) {
        ObjectNode bad = MAPPER.valueToTree(anErasure());
        bad.put("reason", reason);
        assertThat(SchemaCheck.violations(TYPE, bad)).isNotEmpty().allSatisfy(v -> assertThat(v).contains("reason"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-4711\r\nBcc: x", "ref\u0000", "", "\u202Eref"})
    void subjectRefsWithControlCharacters_orEmpty_areRefused(String subjectRef) {
        ObjectNode bad = MAPPER.valueToTree(anErasure());
        bad.put("subjectRef", subjectRef);
        assertThat(SchemaCheck.violations(TYPE, bad)).isNotEmpty().allSatisfy(v -> assertThat(v).contains("subjectRef"));
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = PrivacyContractsTest.class.getResourceAsStream(EventTypes.PRIVACY_DATA_SUBJECT_ERASED.schemaResource())) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonNode approved() throws IOException {
        try (InputStream in = PrivacyContractsTest.class.getResourceAsStream("/approved/" + TYPE + ".json")) {
            assertThat(in).isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
