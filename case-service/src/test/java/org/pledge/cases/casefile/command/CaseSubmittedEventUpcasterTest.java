package org.pledge.cases.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.platform.axon.AxonMongoAutoConfiguration;
import org.pledge.platform.axon.EventRevisions;

/**
 * Stored {@link CaseSubmittedEvent}s of revisions 1 to 3 read as revision 4: owner (kept if stored), no fee reduction, no
 * payment reference.
 */
class CaseSubmittedEventUpcasterTest {

    private static final Instant T = Instant.parse("2025-06-02T14:00:00Z");

    private final ObjectMapper json = AxonMongoAutoConfiguration.axonObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(json).revisionResolver(new EventRevisions()).build();
    private final CaseSubmittedEventUpcaster upcaster = new CaseSubmittedEventUpcaster();

    @Test
    void upcaster_leadsToTheRevisionTheEventIsWrittenAt() {
        assertThat(serializer.serialize(submitted("web-portal"), String.class).getType())
                .isEqualTo(CaseSubmittedEventUpcaster.REVISION_4);
    }

    @Test
    void revision1_storedBeforeTheOwnerExisted_readsAsRevision4_ownedByItsSubmitter() throws Exception {
        ObjectNode payload = payloadOf(submitted("web-portal"));
        payload.remove("owner");
        payload.remove("feeReductionReason");
        payload.remove("paymentReference");

        IntermediateEventRepresentation read = upcast(payload, "1");

        assertThat(read.getType()).isEqualTo(CaseSubmittedEventUpcaster.REVISION_4);
        CaseSubmittedEvent event = serializer.deserialize(read.getData(String.class));
        assertThat(event.feeReductionReason()).isNull();
        assertThat(event.owner()).isNull();
        assertThat(event.ownerGiven("web-portal")).isEqualTo("web-portal");
        assertThat(event.followUpRequestId()).isEqualTo("fu-1");
    }

    @Test
    void revision1_storedWithAnOwner_keepsIt() throws Exception {
        IntermediateEventRepresentation read = upcast(payloadOf(submitted("partner-9")), "1");

        assertThat(read.getType()).isEqualTo(CaseSubmittedEventUpcaster.REVISION_4);
        CaseSubmittedEvent event = serializer.deserialize(read.getData(String.class));
        assertThat(event.owner()).isEqualTo("partner-9");
    }

    @Test
    void revision2_readsAsRevision4_withoutAFeeReduction_andOtherwiseUnchanged() throws Exception {
        ObjectNode payload = payloadOf(submitted("partner-9"));
        payload.remove("feeReductionReason");
        payload.remove("paymentReference");

        IntermediateEventRepresentation read = upcast(payload, "2");

        assertThat(read.getType()).isEqualTo(CaseSubmittedEventUpcaster.REVISION_4);
        ObjectNode expected = payload.deepCopy();
        expected.putNull("feeReductionReason");
        expected.putNull("paymentReference");
        assertThat(json.readTree(read.getData(String.class).getData())).isEqualTo(expected);
        CaseSubmittedEvent event = serializer.deserialize(read.getData(String.class));
        assertThat(event.feeReductionReason()).isNull();
        assertThat(event.owner()).isEqualTo("partner-9");
        assertThat(event.feePaid().sameAs(Money.of("120.00", "CAD"))).isTrue();
    }

    @Test
    void revision3_readsAsRevision4_keepingItsReason_withoutAPaymentReference() throws Exception {
        CaseSubmittedEvent e = submitted(null);
        CaseSubmittedEvent waived = new CaseSubmittedEvent(e.caseId(), e.serviceTypeCode(), e.channel(), e.submittedAt(), e.receivedAt(),
                null, e.applicant(), Money.of("0.00", "CAD"), e.serviceStandard(), e.atRiskShare(), e.guaranteed(), e.calendarId(),
                e.calendarVersion(), e.deadline(), e.atRiskAt(), null, null, null, null, "hardship-waiver");
        ObjectNode payload = payloadOf(waived);
        payload.remove("paymentReference");

        IntermediateEventRepresentation read = upcast(payload, "3");

        assertThat(read.getType()).isEqualTo(CaseSubmittedEventUpcaster.REVISION_4);
        CaseSubmittedEvent event = serializer.deserialize(read.getData(String.class));
        assertThat(event.feeReductionReason()).isEqualTo("hardship-waiver");
        assertThat(event.paymentReference()).isNull();
    }

    @Test
    void revision4_isLeftAlone_andKeepsItsPaymentReference() throws Exception {
        CaseSubmittedEvent e = submitted(null);
        CaseSubmittedEvent paid = new CaseSubmittedEvent(e.caseId(), e.serviceTypeCode(), e.channel(), e.submittedAt(), e.receivedAt(),
                null, e.applicant(), e.feePaid(), e.serviceStandard(), e.atRiskShare(), e.guaranteed(), e.calendarId(),
                e.calendarVersion(), e.deadline(), e.atRiskAt(), null, null, null, null, null, "ch_3NqKx2Lk");
        ObjectNode payload = payloadOf(paid);

        List<IntermediateEventRepresentation> read = upcaster.upcast(Stream.of(new InitialEventRepresentation(
                new GenericDomainEventEntry<>("CaseAggregate", "case-1", 0, "evt-1", T, CaseSubmittedEvent.class.getName(), "4",
                        payload.toString(), "{}"), serializer))).toList();

        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.getType()).isEqualTo(CaseSubmittedEventUpcaster.REVISION_4);
            assertThat(((CaseSubmittedEvent) serializer.deserialize(r.getData(String.class))).paymentReference()).isEqualTo("ch_3NqKx2Lk");
        });
    }

    private IntermediateEventRepresentation upcast(ObjectNode payload, String revision) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("CaseAggregate", "case-1", 0, "evt-1", T,
                CaseSubmittedEvent.class.getName(), revision, payload.toString(), "{}");
        List<IntermediateEventRepresentation> read =
                upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private ObjectNode payloadOf(CaseSubmittedEvent event) throws Exception {
        return (ObjectNode) json.readTree(serializer.serialize(event, String.class).getData());
    }

    private static CaseSubmittedEvent submitted(String owner) {
        Applicant applicant = new Applicant("portal-4711", "Camille Tremblay", "camille@example.org", null, null, "fr-CA",
                PreferredChannel.EMAIL);
        return new CaseSubmittedEvent("case-1", "PASSPORT", SubmissionChannel.WEB, T, null, null, applicant,
                Money.of("120.00", "CAD"), "10 business days", new java.math.BigDecimal("0.8"), true, "ca-on", 1,
                T.plusSeconds(86_400 * 14), T.plusSeconds(86_400 * 10), "case-0", "fu-1", "low-satisfaction", owner);
    }
}
