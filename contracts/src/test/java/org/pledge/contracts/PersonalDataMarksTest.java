package org.pledge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Personal data in integration events is marked, in the record and in its JSON Schema alike: a component holding
 * personal data carries {@link PersonalDataField} and its schema property {@code "x-personal-data": true}; the
 * component naming the data subject carries {@link DataSubjectField} and {@code "x-data-subject": true}. A component
 * whose name says it holds personal data (a name, a contact point, a birth date, an account number ...) and is not
 * marked fails here, so a new contract field cannot carry personal data unnoticed; only the approved types carry any.
 * Paths are dotted JSON paths ({@code applicant.email}); an array's elements add {@code []}.
 */
class PersonalDataMarksTest {

    private static final ObjectMapper MAPPER = SchemaCheck.mapper();

    /**
     * The types that carry personal data, approved one by one: an integration event carries personal data only where its
     * consumers need it (issue 11). notification-service needs whom to tell and how to reach them.
     */
    private static final Set<String> CARRYING_PERSONAL_DATA = Set.of("pledge.case.submitted.v1");

    /**
     * Component names that hold personal data whatever the record: matched against the name's last camel-case words
     * ({@code applicantEmail}, {@code creditorName}, {@code postalAddress}).
     */
    private static final List<String> PERSONAL_WORDS = List.of("name", "firstName", "lastName", "givenName", "familyName",
            "email", "emailAddress", "phone", "phoneNumber", "mobile", "address", "street", "postalCode", "zipCode",
            "dateOfBirth", "birthDate", "birthday", "iban", "accountNumber", "nationalId", "socialInsuranceNumber", "ssn",
            "passportNumber", "ipAddress");
    private static final Pattern LOOKS_PERSONAL = Pattern.compile("^(?:" + String.join("|", PERSONAL_WORDS) + ")$|^.*[a-z0-9](?:"
            + PERSONAL_WORDS.stream().map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining("|"))
            + ")$");

    @ParameterizedTest
    @FieldSource("org.pledge.contracts.EventTypes#ALL")
    void schemaMarks_areTheRecordsMarks(EventType type) {
        JsonNode schema = schemaOf(type);
        assertThat(schemaPaths(schema, SchemaCheck.PERSONAL_DATA_KEYWORD)).as("%s: x-personal-data in the schema", type.name())
                .isEqualTo(recordPaths(type.dataType(), PersonalDataField.class));
        assertThat(schemaPaths(schema, SchemaCheck.DATA_SUBJECT_KEYWORD)).as("%s: x-data-subject in the schema", type.name())
                .isEqualTo(recordPaths(type.dataType(), DataSubjectField.class));
    }

    @ParameterizedTest
    @FieldSource("org.pledge.contracts.EventTypes#ALL")
    void everyComponentNamedLikePersonalData_isMarked(EventType type) {
        assertThat(unmarkedPersonalLooking(type.dataType())).as(type.name()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("org.pledge.contracts.EventTypes#ALL")
    void personalData_namesExactlyOneTopLevelSubject_thatIsNotPersonalDataItself(EventType type) {
        Set<String> personal = recordPaths(type.dataType(), PersonalDataField.class);
        Set<String> subjects = recordPaths(type.dataType(), DataSubjectField.class);
        if (!personal.isEmpty()) {
            assertThat(subjects).as(type.name()).singleElement().asString().doesNotContain(".");
        }
        assertThat(subjects).as(type.name()).noneMatch(personal::contains);
        for (String subject : subjects) {
            assertThat(schemaOf(type).path("properties").path(subject).path("type").asText()).as(type.name()).isEqualTo("string");
        }
    }

    @Test
    void onlyTheApprovedTypes_carryPersonalData() {
        Set<String> carrying = EventTypes.ALL.stream()
                .filter(type -> !recordPaths(type.dataType(), PersonalDataField.class).isEmpty())
                .map(EventType::name).collect(Collectors.toSet());
        assertThat(carrying).isEqualTo(CARRYING_PERSONAL_DATA);
    }

    @Test
    void caseSubmitted_marksTheApplicantsNameAndContactPoints_andTheReferenceAsItsSubject() {
        // worked by hand from pledge.case.submitted.v1: the applicant object and its four fields; language and preferred
        // channel are preferences, not personal data
        assertThat(schemaPaths(schemaOf(EventTypes.CASE_SUBMITTED), "x-personal-data")).containsExactly(
                "applicant", "applicant.email", "applicant.name", "applicant.phone", "applicant.postalAddress");
        assertThat(schemaPaths(schemaOf(EventTypes.CASE_SUBMITTED), "x-data-subject")).containsExactly("applicantReference");
    }

    // the checks above must be able to fail: records that break them

    record Unmarked(@DataSubjectField String holderReference, String creditorName, String creditorIban, String caseId,
                    List<Contact> contacts) {
    }

    record Contact(String emailAddress, String channel) {
    }

    record Marked(@DataSubjectField String holderReference, @PersonalDataField String creditorName, String caseId) {
    }

    @Test
    void unmarkedNamesAndContactPoints_areFound_evenInNestedLists() {
        assertThat(unmarkedPersonalLooking(Unmarked.class))
                .containsExactly("contacts[].emailAddress", "creditorIban", "creditorName");
        assertThat(unmarkedPersonalLooking(Marked.class)).isEmpty();
    }

    @Test
    void aSchemaWithoutTheRecordsMark_differs_fromTheRecord() throws IOException {
        JsonNode unmarkedSchema = MAPPER.readTree("""
                {"properties":{"holderReference":{"type":"string","x-data-subject":true},
                               "creditorName":{"type":"string"},"caseId":{"type":"string"}}}""");
        assertThat(schemaPaths(unmarkedSchema, "x-personal-data")).isEmpty();
        assertThat(recordPaths(Marked.class, PersonalDataField.class)).containsExactly("creditorName");
        assertThat(schemaPaths(unmarkedSchema, "x-data-subject")).isEqualTo(recordPaths(Marked.class, DataSubjectField.class));
    }

    // --- helpers

    /** The dotted paths of the schema's properties (nested objects and array items too) where {@code keyword} is true. */
    static Set<String> schemaPaths(JsonNode schema, String keyword) {
        Set<String> paths = new TreeSet<>();
        collectSchema(schema, "", keyword, paths);
        return paths;
    }

    private static void collectSchema(JsonNode schema, String prefix, String keyword, Set<String> paths) {
        schema.path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            if (property.getValue().path(keyword).asBoolean(false)) {
                paths.add(path);
            }
            collectSchema(property.getValue(), path + ".", keyword, paths);
            if (property.getValue().has("items")) {
                collectSchema(property.getValue().path("items"), path + "[].", keyword, paths);
            }
        });
    }

    /** The dotted paths of the record's components (into nested records and lists of records) that carry {@code mark}. */
    static Set<String> recordPaths(Class<?> record, Class<? extends java.lang.annotation.Annotation> mark) {
        Set<String> paths = new TreeSet<>();
        walk(record, "", component -> component.component().isAnnotationPresent(mark), paths);
        return paths;
    }

    /** The components whose names look like personal data and that are not marked {@link PersonalDataField}. */
    static Set<String> unmarkedPersonalLooking(Class<?> record) {
        Set<String> paths = new TreeSet<>();
        walk(record, "", c -> LOOKS_PERSONAL.matcher(c.component().getName()).matches()
                && !c.component().isAnnotationPresent(PersonalDataField.class), paths);
        return paths;
    }

    private record Visited(RecordComponent component, String path) {
    }

    private static void walk(Class<?> record, String prefix, java.util.function.Predicate<Visited> select, Set<String> paths) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            if (select.test(new Visited(component, path))) {
                paths.add(path);
            }
            Class<?> type = component.getType();
            if (type.isRecord()) {
                walk(type, path + ".", select, paths);
            } else if (Collection.class.isAssignableFrom(type) && elementRecord(component.getGenericType()) != null) {
                walk(elementRecord(component.getGenericType()), path + "[].", select, paths);
            }
        }
    }

    private static Class<?> elementRecord(Type generic) {
        if (generic instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return element;
        }
        return null;
    }

    private static JsonNode schemaOf(EventType type) {
        try (InputStream in = PersonalDataMarksTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
