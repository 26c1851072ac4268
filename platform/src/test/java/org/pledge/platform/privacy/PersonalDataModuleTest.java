package org.pledge.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.platform.api.PersonalData;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.platform.axon.EventRevisions;
import org.pledge.testsupport.infra.MemoryMongo;

/** The Jackson module on the Axon mapper: marked components encrypted field by field, revealed on reading. */
class PersonalDataModuleTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    record Person(String reference, @PersonalData(subject = "reference") String name,
                  @PersonalData(subject = "reference") String email, String language) {
    }

    record Submitted(String caseId, Person person, List<Person> others) {
    }

    record Aged(String reference, @PersonalData(subject = "reference") int age) {
    }

    record NoSuchSubject(String reference, @PersonalData(subject = "ref") String name) {
    }

    record MarkedSubject(@PersonalData(subject = "reference") String reference, @PersonalData(subject = "reference") String name) {
    }

    record Renamed(String reference, @JsonProperty("fullName") @PersonalData(subject = "reference") String name) {
    }

    static class Mutable {
        String reference;
        @PersonalData(subject = "reference")
        String name;
    }

    private PrivacyFixture fixture;
    private ObjectMapper mapper;

    @BeforeEach
    void freshDatabase() {
        fixture = new PrivacyFixture(MONGO.database("module-" + System.nanoTime()));
        mapper = fixture.mapper;
    }

    @Test
    void writing_encryptsMarkedComponentsOnly_andReadingRevealsThem() throws Exception {
        Person marie = new Person("ref-1", "Marie Tremblay", "marie@example.org", "fr-CA");
        Submitted event = new Submitted("case-1", marie, List.of(new Person("ref-2", "Jean Roy", null, "fr-CA")));

        String json = mapper.writeValueAsString(event);

        assertThat(json).doesNotContain("Marie", "Tremblay", "marie@example.org", "Jean Roy")
                .contains("\"reference\":\"ref-1\"", "\"language\":\"fr-CA\"", "\"caseId\":\"case-1\"", "\"email\":null");
        JsonNode tree = mapper.readTree(json);
        assertThat(tree.at("/person/name").asText()).startsWith("pd1:");
        assertThat(tree.at("/person/email").asText()).startsWith("pd1:");
        assertThat(mapper.readValue(json, Submitted.class)).isEqualTo(event);
    }

    @Test
    void reading_afterTheSubjectIsErased_givesTheMarker_andOthersStayReadable() throws Exception {
        Submitted event = new Submitted("case-1", new Person("ref-1", "Marie Tremblay", "marie@example.org", "fr-CA"),
                List.of(new Person("ref-2", "Jean Roy", null, "en-CA")));
        String json = mapper.writeValueAsString(event);

        fixture.keys.erase("ref-1", "subject-request", "admin-1", "api");
        Submitted read = mapper.readValue(json, Submitted.class);

        assertThat(read.person()).isEqualTo(new Person("ref-1", PersonalData.ERASED, PersonalData.ERASED, "fr-CA"));
        assertThat(read.others()).containsExactly(new Person("ref-2", "Jean Roy", null, "en-CA"));
        // written again after the erasure: the marker, in clear, never a new key
        assertThat(mapper.writeValueAsString(read.person())).contains("\"name\":\"[erased]\"", "\"email\":\"[erased]\"");
        assertThat(mapper.writeValueAsString(new Person("ref-1", "Marie", null, null))).contains("\"name\":\"[erased]\"");
    }

    @Test
    void aValueStoredInClearBeforeEncryption_readsAsItself_untilItsSubjectIsErased() throws Exception {
        String legacy = "{\"reference\":\"ref-9\",\"name\":\"Old Name\",\"email\":\"old@example.org\",\"language\":\"en\"}";

        assertThat(mapper.readValue(legacy, Person.class)).isEqualTo(new Person("ref-9", "Old Name", "old@example.org", "en"));
        fixture.keys.erase("ref-9", "subject-request", "admin-1", "api");
        assertThat(mapper.readValue(legacy, Person.class)).isEqualTo(new Person("ref-9", PersonalData.ERASED, PersonalData.ERASED, "en"));
    }

    @Test
    void theAxonSerializer_storesCiphertext_andDeserializesTheEvent() {
        Serializer serializer = JacksonSerializer.builder().objectMapper(mapper).revisionResolver(new EventRevisions()).build();
        Person marie = new Person("ref-1", "Marie Tremblay", "marie@example.org", "fr-CA");

        SerializedObject<String> stored = serializer.serialize(marie, String.class);

        assertThat(stored.getData()).doesNotContain("Marie").contains("pd1:");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(marie);
    }

    @Test
    void theWebMapper_andThePlainAxonMapper_areUntouched() throws Exception {
        Person marie = new Person("ref-1", "Marie Tremblay", null, "fr-CA");
        assertThat(new ObjectMapper().writeValueAsString(marie)).contains("Marie Tremblay");
        assertThat(AxonMongoAutoConfiguration.axonObjectMapper().writeValueAsString(marie)).contains("Marie Tremblay");
    }

    @Test
    void aMarkedComponentThatIsNotAString_failsClearly_atFirstUse() {
        assertThat(failure(() -> mapper.writeValueAsString(new Aged("ref-1", 42))))
                .hasMessageContaining(Aged.class.getName() + ".age").hasMessageContaining("only String").hasMessageContaining("int");
        assertThat(failure(() -> mapper.readValue("{\"reference\":\"r\",\"age\":42}", Aged.class))).hasMessageContaining(".age");
        assertThatThrownBy(() -> PersonalDataFields.of(Aged.class)).isInstanceOf(PersonalDataException.class);
    }

    @Test
    void aSubjectThatIsMissing_orMarkedItself_failsClearly() {
        assertThatThrownBy(() -> PersonalDataFields.of(NoSuchSubject.class)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("subject = \"ref\"").hasMessageContaining(NoSuchSubject.class.getName());
        assertThatThrownBy(() -> PersonalDataFields.of(MarkedSubject.class)).isInstanceOf(PersonalDataException.class)
                .hasMessageContaining("itself marked");
    }

    @Test
    void aValueWithoutItsSubject_isNeverWrittenInClear() {
        assertThat(failure(() -> mapper.writeValueAsString(new Person(null, "Marie Tremblay", null, "fr-CA"))))
                .hasMessageContaining(Person.class.getName() + ".name").hasMessageNotContaining("Marie");
    }

    @Test
    void aRenamedComponent_stillEncrypts_underItsJsonName() throws Exception {
        String json = mapper.writeValueAsString(new Renamed("ref-1", "Marie"));

        assertThat(json).doesNotContain("Marie").contains("\"fullName\":\"pd1:");
        assertThat(mapper.readValue(json, Renamed.class)).isEqualTo(new Renamed("ref-1", "Marie"));
    }

    @Test
    void aClassThatIsNotARecord_isEncryptedAndRevealedInPlace() throws Exception {
        Mutable m = new Mutable();
        m.reference = "ref-1";
        m.name = "Marie";

        String json = mapper.writeValueAsString(m);
        Mutable read = mapper.readValue(json, Mutable.class);

        assertThat(json).doesNotContain("Marie");
        assertThat(read.name).isEqualTo("Marie");
    }

    /** The {@link PersonalDataException} that {@code call} throws, itself or as a cause (Jackson may wrap it). */
    private static Throwable failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof PersonalDataException) {
                return t;
            }
        }
        throw new AssertionError("no PersonalDataException in " + thrown, thrown);
    }
}
