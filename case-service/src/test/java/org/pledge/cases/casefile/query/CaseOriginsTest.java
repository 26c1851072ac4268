package org.pledge.cases.casefile.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.query.CaseOrigins.CaseOrigin;
import org.pledge.cases.catalogue.api.Money;

/** What a case started as, from a real (in-memory) Axon event store: the cache keeps no personal data. */
class CaseOriginsTest {

    private static final Instant T0 = Instant.parse("2025-06-02T14:00:00Z");
    private static final String NAME = "Marie Tremblay";
    private static final String EMAIL = "marie@example.org";
    private static final String PHONE = "+1 514 555 0100";
    private static final String ADDRESS = "1 rue Principale, Montréal";

    /** Counts the reads of a case's stream, so a test sees whether an answer came from the cache. */
    private static final class CountingStorage extends InMemoryEventStorageEngine {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads.incrementAndGet();
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }

    private final CountingStorage storage = new CountingStorage();
    private CaseOrigins origins;

    @BeforeEach
    void givenACaseAndItsFollowUp() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
        store.publish(List.of(
                event("case-1", 0, submitted("case-1", SubmissionChannel.WEB, null, null), "web-portal"),
                event("case-1", 1, new CaseAssignedEvent("case-1", "cw-1", T0.plusSeconds(60)), "cw-1"),
                event("follow-up-1", 0, submitted("follow-up-1", SubmissionChannel.FOLLOW_UP, "case-1", "web-portal"), "feedback-service"),
                event("odd-1", 0, new CaseAssignedEvent("odd-1", "cw-1", T0), "cw-1"),
                // a submission-shaped payload under another aggregate type: still not a case
                new GenericDomainEventMessage<>("BusinessCalendarAggregate", "CA-ON", 0,
                        submitted("CA-ON", SubmissionChannel.WEB, null, null), MetaData.with("actor", "admin"))));
        origins = new CaseOrigins(store);
    }

    @Test
    void find_givesTheFactsOfTheSubmission_andReadsTheStoreOnce() {
        CaseOrigin origin = origins.find("case-1").orElseThrow();

        assertThat(origin).isEqualTo(new CaseOrigin("PASSPORT", SubmissionChannel.WEB, "ref-42", "fr-CA", PreferredChannel.EMAIL,
                true, Money.of("120.00", "CAD"), "web-portal", "web-portal"));
        assertThat(origins.find("case-1")).contains(origin);
        assertThat(storage.reads).hasValue(1);
    }

    @Test
    void aSubmissionSeenPassingBy_isLearnt_soTheCasesNextEventsNeedNoRead() {
        origins.learn(event("case-2", 0, submitted("case-2", SubmissionChannel.CALL_CENTRE, null, null), "phone-desk"));
        origins.learn(event("case-3", 1, new CaseAssignedEvent("case-3", "cw-1", T0), "cw-1")); // not a submission

        assertThat(origins.find("case-2")).get().extracting(CaseOrigin::channel, CaseOrigin::owner)
                .containsExactly(SubmissionChannel.CALL_CENTRE, "phone-desk");
        assertThat(storage.reads).hasValue(0);
        assertThat(origins.cached("case-3")).isEmpty();
    }

    @Test
    void cachedOrigin_holdsNoPersonalData_byTypeNorByValue() {
        List<RecordComponent> components = Arrays.asList(CaseOrigin.class.getRecordComponents());
        assertThat(components).extracting(RecordComponent::getType).doesNotContain(Applicant.class, CaseSubmittedEvent.class);
        assertThat(components).extracting(RecordComponent::getName)
                .doesNotContain("applicant", "name", "email", "phone", "postalAddress", "submitted");

        origins.find("case-1");
        origins.submission("follow-up-1");

        for (String caseId : List.of("case-1", "follow-up-1")) {
            CaseOrigin cached = origins.cached(caseId).orElseThrow();
            assertThat(cached.toString()).as(caseId).doesNotContain(NAME, EMAIL, PHONE, ADDRESS).contains("ref-42");
        }
    }

    @Test
    void submission_withTheApplicantsContactPoints_isReadFromTheStoreEveryTime() {
        CaseSubmittedEvent first = origins.submission("case-1").orElseThrow();
        CaseSubmittedEvent again = origins.submission("case-1").orElseThrow();

        assertThat(first.applicant().name()).isEqualTo(NAME);
        assertThat(first.applicant().email()).isEqualTo(EMAIL);
        assertThat(again).isEqualTo(first);
        assertThat(storage.reads).hasValue(2);
        // the facts without personal data came along, so the hot path needs no further read
        assertThat(origins.find("case-1").orElseThrow().serviceTypeCode()).isEqualTo("PASSPORT");
        assertThat(storage.reads).hasValue(2);
    }

    @Test
    void followUp_isOwnedByTheEarlierCasesOwner_andSubmittedByTheServiceThatRequestedIt() {
        CaseOrigin followUp = origins.find("follow-up-1").orElseThrow();

        assertThat(followUp.owner()).isEqualTo("web-portal");
        assertThat(followUp.submittedBy()).isEqualTo("feedback-service");
        assertThat(followUp.channel()).isEqualTo(SubmissionChannel.FOLLOW_UP);
    }

    @Test
    void unknownCase_aStreamNotStartingWithASubmission_andAnotherKindOfAggregate_areNoCase() {
        assertThat(origins.find("no-such-case")).isEmpty();
        assertThat(origins.submission("no-such-case")).isEmpty();
        assertThat(origins.find("odd-1")).isEmpty(); // a case stream without its submission (a poison event)
        assertThat(origins.submission("odd-1")).isEmpty();
        assertThat(origins.find("CA-ON")).isEmpty();
    }

    private static CaseSubmittedEvent submitted(String caseId, SubmissionChannel channel, String previousCaseId, String owner) {
        Applicant applicant = new Applicant("ref-42", NAME, EMAIL, PHONE, ADDRESS, "fr-CA", PreferredChannel.EMAIL);
        return new CaseSubmittedEvent(caseId, "PASSPORT", channel, T0, T0, null, applicant,
                previousCaseId == null ? Money.of("120.00", "CAD") : Money.zero("CAD"), "10 business days", new BigDecimal("0.8"),
                true, "CA-ON", 1, Instant.parse("2025-06-17T04:00:00Z"), Instant.parse("2025-06-13T04:00:00Z"), previousCaseId,
                previousCaseId == null ? null : "fu-1", previousCaseId == null ? null : "low-score", owner);
    }

    private static GenericDomainEventMessage<?> event(String caseId, long sequence, Object payload, String actor) {
        return new GenericDomainEventMessage<>("CaseAggregate", caseId, sequence, payload, MetaData.with("actor", actor));
    }
}
