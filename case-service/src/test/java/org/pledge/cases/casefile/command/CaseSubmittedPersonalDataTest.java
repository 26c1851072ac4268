package org.pledge.cases.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.api.PersonalData;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.platform.axon.EventRevisions;
import org.pledge.platform.privacy.DataSubjectKeyStore;
import org.pledge.platform.privacy.MasterKeys;
import org.pledge.platform.privacy.PersonalDataCipher;
import org.pledge.platform.privacy.PersonalDataFields;
import org.pledge.platform.privacy.PersonalDataModule;
import org.pledge.platform.privacy.PrivacyProperties;
import org.pledge.testsupport.infra.MemoryMongo;

/**
 * {@link CaseSubmittedEvent}'s applicant through the event store's serializer with the personal-data module: stored
 * encrypted, read back, "[erased]" once the client is erased; and events stored in clear before (every revision) still
 * upcast and read, until their client is erased.
 */
class CaseSubmittedPersonalDataTest {

    @RegisterExtension
    static final MemoryMongo MONGO = new MemoryMongo();

    private static final Instant T = Instant.parse("2025-06-02T14:00:00Z");

    private DataSubjectKeyStore keys;
    private JacksonSerializer serializer;
    private final ObjectMapper plain = AxonMongoAutoConfiguration.axonObjectMapper();
    private final CaseSubmittedEventUpcaster upcaster = new CaseSubmittedEventUpcaster();

    @BeforeEach
    void storeWithEncryption() {
        byte[] master = new byte[32];
        master[0] = 7;
        keys = new DataSubjectKeyStore(MONGO.database("case-pd-" + System.nanoTime()), MasterKeys.of("m1", master, Map.of()),
                Clock.systemUTC(), new PrivacyProperties(null, null, Map.of(), false, Duration.ofSeconds(30), 100,
                Duration.ofMinutes(1), true));
        PersonalDataModule module = new PersonalDataModule(new PersonalDataCipher(keys));
        serializer = JacksonSerializer.builder()
                .objectMapper(AxonMongoAutoConfiguration.axonObjectMapper(List.of(b -> b.addModule(module))))
                .revisionResolver(new EventRevisions()).build();
    }

    @Test
    void applicant_marksNameAndContactPoints_asPersonalDataOfItsReference() {
        assertThat(PersonalDataFields.of(Applicant.class).marked()).extracting(PersonalDataFields.Marked::name)
                .containsExactly("name", "email", "phone", "postalAddress");
        assertThat(PersonalDataFields.of(Applicant.class).marked()).extracting(PersonalDataFields.Marked::subject)
                .containsOnly("reference");
        assertThat(PersonalDataFields.of(CaseSubmittedEvent.class).any()).isFalse(); // its applicant carries the marks
    }

    @Test
    void submitted_isStoredWithoutNameOrContactPoints_andReadsBack() {
        CaseSubmittedEvent event = submitted();

        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getData()).doesNotContain("Camille", "Tremblay", "camille@example.org", "5145550123", "rue des Pins")
                .contains("\"reference\":\"portal-4711\"", "\"preferredLanguage\":\"fr-CA\"", "pd1:");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        keys.erase("portal-4711", "subject-request", "admin-1", "api");
        CaseSubmittedEvent read = serializer.deserialize(stored);
        assertThat(read.applicant()).isEqualTo(new Applicant("portal-4711", PersonalData.ERASED, PersonalData.ERASED,
                PersonalData.ERASED, PersonalData.ERASED, "fr-CA", PreferredChannel.SMS));
        assertThat(read.applicant().erased()).isTrue();
        assertThat(read.deadline()).isEqualTo(event.deadline());
    }

    @Test
    void revisionsStoredInClearBeforeEncryption_upcastAndRead_untilTheClientIsErased() throws Exception {
        ObjectNode revision1 = (ObjectNode) plain.readTree(JacksonSerializer.builder().objectMapper(plain)
                .revisionResolver(new EventRevisions()).build().serialize(submitted(), String.class).getData());
        revision1.remove("owner");
        revision1.remove("feeReductionReason");
        revision1.remove("paymentReference");
        assertThat(revision1.toString()).contains("Camille Tremblay"); // in clear, as stored before this change

        CaseSubmittedEvent before = read(revision1, "1");
        keys.erase("portal-4711", "retention", "case-service/retention", "retention");
        CaseSubmittedEvent after = read(revision1, "1");

        assertThat(before.applicant().name()).isEqualTo("Camille Tremblay");
        assertThat(before.applicant().email()).isEqualTo("camille@example.org");
        assertThat(before.owner()).isNull();
        assertThat(after.applicant().name()).isEqualTo(PersonalData.ERASED);
        assertThat(after.applicant().postalAddress()).isEqualTo(PersonalData.ERASED);
        assertThat(after.applicant().reference()).isEqualTo("portal-4711");
        assertThat(after.caseId()).isEqualTo("case-1");
    }

    private CaseSubmittedEvent read(ObjectNode payload, String revision) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("CaseAggregate", "case-1", 0, "evt-1", T,
                CaseSubmittedEvent.class.getName(), revision, payload.toString(), "{}");
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcast).singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(CaseSubmittedEventUpcaster.REVISION_4));
        return serializer.deserialize(upcast.get(0).getData(String.class));
    }

    private static CaseSubmittedEvent submitted() {
        Applicant applicant = new Applicant("portal-4711", "Camille Tremblay", "camille@example.org", "+15145550123",
                "12 rue des Pins\nMontréal QC", "fr-CA", PreferredChannel.SMS);
        return new CaseSubmittedEvent("case-1", "PASSPORT", SubmissionChannel.WEB, T, T, null, applicant,
                Money.of("120.00", "CAD"), "10 business days", new BigDecimal("0.8"), true, "ca-on", 1,
                T.plusSeconds(86_400 * 14), T.plusSeconds(86_400 * 10), null, null, null, null, null);
    }
}
