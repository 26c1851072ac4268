package org.pledge.cases.casefile.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.platform.axon.EventRevisions;

/**
 * Every case event is stored forever: it must carry revision 1 and survive Axon's Jackson serializer
 * (records do not work with XStream, so the event store must use Jackson).
 */
class CaseEventSerializationTest {

    private static final Instant T = Instant.parse("2025-06-02T14:00:00Z");
    private static final Instant D = Instant.parse("2025-06-17T04:00:00Z");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .revisionResolver(new EventRevisions())
            .build();

    static Stream<Object> events() {
        Applicant applicant = new Applicant("portal-4711", "Camille Tremblay", "camille@example.org", null, "1 rue X", "fr-CA",
                PreferredChannel.EMAIL);
        return Stream.of(
                new CaseSubmittedEvent("case-1", "PASSPORT", SubmissionChannel.MAIL, T, T.minusSeconds(86400), "mailroom-7", applicant,
                        Money.of("120.00", "CAD"), "10 business days", new BigDecimal("0.8"), true, "ca-on", 1, D, D.minusSeconds(3600),
                        "case-0", "fu-1", "low-satisfaction", "web-portal", null),
                new CaseSubmittedEvent("case-2", "PASSPORT", SubmissionChannel.WEB, T, T, null, applicant,
                        Money.of("60.00", "CAD"), "10 business days", new BigDecimal("0.8"), true, "ca-on", 1, D, D.minusSeconds(3600),
                        null, null, null, null, "concession"),
                new CaseAssignedEvent("case-1", "agent-smith", T),
                new CaseWorkStartedEvent("case-1", T),
                new InformationRequestedEvent("case-1", "missing-photo", T),
                new InformationReceivedEvent("case-1", T, T.plusSeconds(60), D, D.minusSeconds(3600)),
                new CaseMarkedAtRiskEvent("case-1", D.minusSeconds(3600), D, T),
                new ServiceStandardBreachedEvent("case-1", D, T),
                new CaseResolvedEvent("case-1", Outcome.REFUSED, "not eligible", T, false, 2, D),
                new CaseWithdrawnEvent("case-1", WithdrawnBy.CHANNEL, "no longer needed", T),
                new CaseReopenedEvent("case-1", "decision-error", T, T.plusSeconds(60), D, D.minusSeconds(3600)),
                new DeadlineRecalculatedEvent("case-1", "ca-on", 2, D, D.minusSeconds(3600), T),
                new ClientNotifiedEvent("case-1", "n-1", "case-submitted", "case-submitted", "pledge.case.submitted.v1", "EMAIL",
                        "fr-CA", T),
                new ClientNotificationFailedEvent("case-1", "n-2", "case-resolved", "case-resolved", "pledge.case.resolved.v1",
                        "LETTER", java.util.List.of("EMAIL", "LETTER"), "address-rejected", T));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void event_roundTripsThroughJackson_atItsRevision(Object event) {
        SerializedObject<String> serialized = serializer.serialize(event, String.class);

        // CaseSubmittedEvent is at revision 4 (owner, fee reduction, payment reference added; CaseSubmittedEventUpcaster reads
        // revisions 1 to 3), CaseResolvedEvent at revision 2 (reason code added; CaseResolvedEventUpcaster reads revision 1)
        assertThat(serialized.getType().getRevision())
                .isEqualTo(event instanceof CaseSubmittedEvent ? "4" : event instanceof CaseResolvedEvent ? "2" : "1");
        Object back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(event);
    }

    @Test
    void submission_storedWithAnAmountOutsideTodaysBounds_stillReads_butIsRefusedAsANewAmount() {
        // stored before the bounds existed (the incident's fee): the event store is forever, so it must load
        CaseSubmittedEvent stored = new CaseSubmittedEvent("case-9", "PASSPORT", SubmissionChannel.WEB, T, T, null,
                new Applicant("portal-1", "A", "a@example.org", null, null, "en", PreferredChannel.EMAIL),
                new Money(new BigDecimal("1E+1000000"), "CAD"), "10 business days", new BigDecimal("0.8"), true, "ca-on", 1, D,
                D.minusSeconds(3600), null, null, null, null, null);
        SerializedObject<String> serialized = serializer.serialize(stored, String.class);

        CaseSubmittedEvent read = serializer.deserialize(serialized);

        assertThat(read.feePaid().amount()).isEqualByComparingTo(new BigDecimal("1E+1000000"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read.feePaid().requireValid())
                .isInstanceOf(org.pledge.cases.catalogue.api.InvalidServiceTypeException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.of(new BigDecimal("1E+1000000"), "CAD"))
                .isInstanceOf(org.pledge.cases.catalogue.api.InvalidServiceTypeException.class);
    }

    @Test
    void submission_storedBeforeItHadAnOwner_readsWithoutOne_andBelongsToItsSubmitter() throws Exception {
        JacksonSerializer stored = JacksonSerializer.builder().objectMapper(AxonMongoAutoConfiguration.axonObjectMapper())
                .revisionResolver(new EventRevisions()).build();
        CaseSubmittedEvent current = (CaseSubmittedEvent) events().findFirst().orElseThrow();
        ObjectNode json = (ObjectNode) AxonMongoAutoConfiguration.axonObjectMapper().readTree(stored.serialize(current, String.class).getData());
        json.remove("owner"); // as every CaseSubmittedEvent stored before the field existed

        CaseSubmittedEvent old = stored.deserialize(new SimpleSerializedObject<>(json.toString(), String.class,
                CaseSubmittedEvent.class.getName(), "1"));

        assertThat(old.owner()).isNull();
        assertThat(old.ownerGiven("web-portal")).isEqualTo("web-portal");
        assertThat(old.applicant()).isEqualTo(current.applicant());
        assertThat(old.followUpRequestId()).isEqualTo("fu-1");
    }
}
