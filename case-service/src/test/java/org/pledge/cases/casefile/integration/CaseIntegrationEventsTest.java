package org.pledge.cases.casefile.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.cases.casefile.query.CaseOrigins;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.SchemaCheck;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;

/** The mapper against a real (in-memory) Axon event store: every case event type, valid against its schema. */
class CaseIntegrationEventsTest {

    private static final String CASE = "case-1";
    private static final Instant T0 = Instant.parse("2025-06-02T14:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2025-06-17T04:00:00Z");
    private static final Instant MOVED = Instant.parse("2025-06-19T04:00:00Z");
    private static final Instant RECALCULATED = Instant.parse("2025-06-20T04:00:00Z");
    private static final ObjectMapper JSON = SchemaCheck.mapper();

    private EmbeddedEventStore store;
    private final List<DomainEventMessage<?>> stream = new ArrayList<>();

    @BeforeEach
    void givenACaseWithItsWholeLifecycle() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Applicant applicant = new Applicant("ref-42", "Marie Tremblay", "marie@example.org", null, null, "fr-CA", PreferredChannel.EMAIL);
        add(new CaseSubmittedEvent(CASE, "PASSPORT", SubmissionChannel.WEB, T0, T0, null, applicant, Money.of("120.00", "CAD"),
                "10 business days", new BigDecimal("0.8"), true, "CA-ON", 1, DEADLINE, Instant.parse("2025-06-13T04:00:00Z"),
                null, null, null, null));
        add(new CaseAssignedEvent(CASE, "cw-1", T0.plusSeconds(60)));
        add(new CaseWorkStartedEvent(CASE, T0.plusSeconds(120)));
        add(new InformationRequestedEvent(CASE, "missing-photo", T0.plusSeconds(180)));
        add(new InformationReceivedEvent(CASE, T0.plusSeconds(180), Instant.parse("2025-06-04T14:00:00Z"), MOVED,
                Instant.parse("2025-06-17T04:00:00Z")));
        add(new CaseAssignedEvent(CASE, "cw-2", Instant.parse("2025-06-05T14:00:00Z")));
        add(new DeadlineRecalculatedEvent(CASE, "CA-ON", 2, RECALCULATED, Instant.parse("2025-06-18T04:00:00Z"),
                Instant.parse("2025-06-06T14:00:00Z")));
        add(new CaseMarkedAtRiskEvent(CASE, Instant.parse("2025-06-18T04:00:00Z"), RECALCULATED, Instant.parse("2025-06-18T05:00:00Z")));
        add(new ServiceStandardBreachedEvent(CASE, RECALCULATED, Instant.parse("2025-06-20T05:00:00Z")));
        add(new CaseResolvedEvent(CASE, Outcome.APPROVED, "Marie called", Instant.parse("2025-06-23T15:00:00Z"), false, 2, RECALCULATED));
        add(new CaseReopenedEvent(CASE, "appeal", Instant.parse("2025-06-23T15:00:00Z"), Instant.parse("2025-06-24T15:00:00Z"),
                RECALCULATED, Instant.parse("2025-06-18T04:00:00Z")));
        add(new CaseWithdrawnEvent(CASE, WithdrawnBy.CHANNEL, "no longer needed", Instant.parse("2025-06-25T15:00:00Z")));
        store.publish(stream);
    }

    @Test
    void everyCaseEvent_butWorkStarted_isPublished_valid_withTheCaseFacts_andNoNameOrContacts() {
        CaseIntegrationEvents mapper = mapper();
        List<String> types = new ArrayList<>();
        for (DomainEventMessage<?> event : stream) {
            Optional<OutboundIntegrationEvent> out = mapper.map(event);
            if (event.getPayload() instanceof CaseWorkStartedEvent) {
                assertThat(out).isEmpty();
                continue;
            }
            assertThat(out).isPresent();
            OutboundIntegrationEvent o = out.get();
            types.add(o.type());
            JsonNode data = JSON.valueToTree(o.data());
            assertThat(SchemaCheck.violations(o.type(), data)).as(o.type()).isEmpty();
            assertThat(o.topic()).isEqualTo("pledge.case.v1");
            assertThat(o.subject()).isEqualTo(CASE);
            assertThat(data.get("serviceType").asText()).isEqualTo("PASSPORT");
            assertThat(data.get("channel").asText()).isEqualTo("WEB");
            assertThat(data.get("applicantReference").asText()).isEqualTo("ref-42");
            assertThat(data.get("language").asText()).isEqualTo("fr-CA");
            assertThat(data.get("preferredChannel").asText()).isEqualTo("EMAIL");
            assertThat(data.hasNonNull("deadline")).as(o.type()).isTrue();
            if (!o.type().equals(EventTypes.CASE_SUBMITTED.name())) {
                assertThat(data.toString()).doesNotContain("Marie").doesNotContain("example.org");
            }
        }
        assertThat(types).containsExactly("pledge.case.submitted.v1", "pledge.case.assigned.v1", "pledge.case.information-requested.v1",
                "pledge.case.information-received.v1", "pledge.case.assigned.v1", "pledge.case.deadline-recalculated.v1",
                "pledge.case.at-risk.v1", "pledge.case.service-standard-breached.v1", "pledge.case.resolved.v1",
                "pledge.case.reopened.v1", "pledge.case.withdrawn.v1");
        assertThat(EventTypes.ALL.stream().filter(t -> t.topic().equals("pledge.case.v1")).map(t -> t.name()))
                .containsExactlyInAnyOrderElementsOf(new java.util.HashSet<>(types));
    }

    @Test
    void deadline_ofEventsThatDoNotCarryOne_isTheCasesCurrent_whetherFromTheCacheOrFoldedFromTheStore() {
        CaseIntegrationEvents warm = mapper();
        List<JsonNode> inOrder = new ArrayList<>();
        for (DomainEventMessage<?> event : stream) {
            warm.map(event).ifPresent(o -> inOrder.add(JSON.valueToTree(o.data())));
        }
        assertThat(inOrder.get(1).get("deadline").asText()).isEqualTo(DEADLINE.toString());  // first assignment
        assertThat(inOrder.get(4).get("deadline").asText()).isEqualTo(MOVED.toString());     // reassignment after the pause
        assertThat(inOrder.get(10).get("deadline").asText()).isEqualTo(RECALCULATED.toString()); // withdrawal

        // a restarted publisher (cold cache) maps the later events alone to the same data
        CaseIntegrationEvents cold = mapper();
        assertThat(json(cold.map(stream.get(5)))).isEqualTo(inOrder.get(4));
        assertThat(json(cold.map(stream.get(11)))).isEqualTo(inOrder.get(10));
    }

    @Test
    void breach_carriesTheGuaranteeAndTheFee_resolution_theLateness() {
        CaseIntegrationEvents mapper = mapper();
        JsonNode breached = JSON.valueToTree(mapper.map(stream.get(8)).orElseThrow().data());
        assertThat(breached.get("guaranteed").asBoolean()).isTrue();
        assertThat(breached.get("fee").get("amount").asText()).isEqualTo("120.00");
        JsonNode resolved = JSON.valueToTree(mapper.map(stream.get(9)).orElseThrow().data());
        assertThat(resolved.get("onTime").asBoolean()).isFalse();
        assertThat(resolved.get("latenessBusinessDays").asInt()).isEqualTo(2);
        assertThat(resolved.has("note")).isFalse();
    }

    private static JsonNode json(Optional<OutboundIntegrationEvent> out) {
        return JSON.valueToTree(out.orElseThrow().data());
    }

    @Test
    void aSubmissionStoredWithAnAmountOutsideTheBounds_cannotBeMapped_andIsRefusedBeforeTheAmountIsExpanded() {
        EmbeddedEventStore other = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Applicant applicant = new Applicant("ref-43", "A Person", "a@example.org", null, null, "en", PreferredChannel.EMAIL);
        DomainEventMessage<?> stored = new GenericDomainEventMessage<>("CaseAggregate", "case-huge", 0,
                new CaseSubmittedEvent("case-huge", "PASSPORT", SubmissionChannel.WEB, T0, T0, null, applicant,
                        new Money(new BigDecimal("1E+1000000"), "CAD"), "10 business days", new BigDecimal("0.8"), true, "CA-ON",
                        1, DEADLINE, DEADLINE, null, null, null, null, null), MetaData.with("actor", "web-portal"));
        other.publish(stored);

        // setScale(2) and toPlainString() of 1E+1000000 would build a million-digit number first: the bounds come first
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CaseIntegrationEvents(new CaseOrigins(other), other).map(stored))
                .isInstanceOf(org.pledge.cases.catalogue.api.InvalidServiceTypeException.class);
    }

    @Test
    void aPaymentReference_andAResolutionsReasonCode_areCarriedByTheContract() {
        EmbeddedEventStore other = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Applicant applicant = new Applicant("ref-44", "A Person", "a@example.org", null, null, "en", PreferredChannel.EMAIL);
        DomainEventMessage<?> submitted = new GenericDomainEventMessage<>("CaseAggregate", "case-paid", 0,
                new CaseSubmittedEvent("case-paid", "PASSPORT", SubmissionChannel.WEB, T0, T0, null, applicant, Money.of("120.00", "CAD"),
                        "10 business days", new BigDecimal("0.8"), true, "CA-ON", 1, DEADLINE, DEADLINE, null, null, null, null, null,
                        "ch_3NqKx2Lk"), MetaData.with("actor", "web-portal"));
        DomainEventMessage<?> resolved = new GenericDomainEventMessage<>("CaseAggregate", "case-paid", 1,
                new CaseResolvedEvent("case-paid", Outcome.REFUSED, "forged", Instant.parse("2025-06-10T15:00:00Z"), true, 0, DEADLINE,
                        "fraud"), MetaData.with("actor", "cw-1"));
        other.publish(submitted, resolved);
        CaseIntegrationEvents mapper = new CaseIntegrationEvents(new CaseOrigins(other), other);

        JsonNode submittedJson = json(mapper.map(submitted));
        assertThat(submittedJson.path("paymentReference").asText()).isEqualTo("ch_3NqKx2Lk");
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), submittedJson)).isEmpty();
        JsonNode resolvedJson = json(mapper.map(resolved));
        assertThat(resolvedJson.path("reasonCode").asText()).isEqualTo("fraud");
        assertThat(resolvedJson.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(SchemaCheck.violations(EventTypes.CASE_RESOLVED.name(), resolvedJson)).isEmpty();
        // the whole lifecycle above has neither: the contract leaves the fields out
        assertThat(json(mapper().map(stream.get(0))).has("paymentReference")).isFalse();
        assertThat(json(mapper().map(stream.get(9))).has("reasonCode")).isFalse();
    }

    private CaseIntegrationEvents mapper() {
        return new CaseIntegrationEvents(new CaseOrigins(store), store);
    }

    @Test
    void submitted_ofAnErasedClient_leavesNameAndContactPointsOut_neverTheMarker() {
        CaseSubmittedEvent erased = new CaseSubmittedEvent(CASE, "PASSPORT", SubmissionChannel.WEB, T0, T0, null,
                new Applicant("ref-42", "[erased]", "[erased]", null, "[erased]", "fr-CA", PreferredChannel.EMAIL),
                Money.of("120.00", "CAD"), "10 business days", new BigDecimal("0.8"), true, "CA-ON", 1, DEADLINE,
                Instant.parse("2025-06-13T04:00:00Z"), null, null, null, null);

        JsonNode json = JSON.valueToTree(CaseIntegrationEvents.submitted(erased));

        assertThat(json.has("applicant")).isFalse();
        assertThat(json.toString()).doesNotContain("[erased]");
        assertThat(json.path("applicantReference").asText()).isEqualTo("ref-42");
        assertThat(SchemaCheck.violations(EventTypes.CASE_SUBMITTED.name(), json)).isEmpty();
        CaseSubmittedEvent partly = new CaseSubmittedEvent(CASE, "PASSPORT", SubmissionChannel.WEB, T0, T0, null,
                new Applicant("ref-42", "Marie Tremblay", "[erased]", null, null, "fr-CA", PreferredChannel.EMAIL),
                Money.of("120.00", "CAD"), "10 business days", new BigDecimal("0.8"), true, "CA-ON", 1, DEADLINE,
                Instant.parse("2025-06-13T04:00:00Z"), null, null, null, null);
        JsonNode partial = JSON.valueToTree(CaseIntegrationEvents.submitted(partly)).path("applicant");
        assertThat(partial.path("name").asText()).isEqualTo("Marie Tremblay");
        assertThat(partial.has("email")).isFalse();
    }

    private void add(Object payload) {
        stream.add(new GenericDomainEventMessage<>("CaseAggregate", CASE, stream.size(), payload, MetaData.with("actor", "web-portal")));
    }
}
