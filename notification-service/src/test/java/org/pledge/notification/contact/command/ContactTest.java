package org.pledge.notification.contact.command;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.notification.contact.api.ContactRecordedEvent;
import org.pledge.notification.contact.api.RecordContactCommand;
import org.pledge.platform.axon.CommandTargets;

class ContactTest {

    private static final String SUBJECT = "web-4711";
    private static final String ID = "contact:web-4711"; // ContactIds.of(subject), worked by hand
    private static final Instant MONDAY = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:30:00Z");
    private static final Instant NOW = Instant.parse("2026-03-04T08:00:00Z");

    private FixtureConfiguration<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
    }

    private static RecordContactCommand stated(String caseId, Instant submittedAt, String email, String ceId) {
        return RecordContactCommand.of(SUBJECT, caseId, "Marie Tremblay", email, "+15145550123", null, "fr-CA", "EMAIL", submittedAt,
                ceId, NOW);
    }

    private static ContactRecordedEvent recorded(String caseId, Instant submittedAt, String email, String ceId) {
        return new ContactRecordedEvent(ID, SUBJECT, caseId, "Marie Tremblay", email, "+15145550123", null, "fr-CA", "EMAIL",
                submittedAt, ceId, NOW);
    }

    @Test
    void record_recordsTheContact_whenTheSubjectIsNew() {
        fixture.givenNoPriorActivity()
                .when(stated("case-1", MONDAY, "marie@example.org", "ce-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded("case-1", MONDAY, "marie@example.org", "ce-1"));
    }

    @Test
    void record_changesNothing_whenTheSameSubmissionComesAgainUnderAnotherEventId() {
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"))
                .when(stated("case-1", MONDAY, "marie@example.org", "ce-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void record_replacesTheContact_whenALaterCaseStatesNewContactPoints() {
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"))
                .when(stated("case-2", TUESDAY, "marie.t@example.org", "ce-2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded("case-2", TUESDAY, "marie.t@example.org", "ce-2"));
    }

    @Test
    void record_changesNothing_whenAnEarlierCaseArrivesAfterALaterOne() {
        fixture.given(recorded("case-2", TUESDAY, "marie.t@example.org", "ce-2"))
                .when(stated("case-1", MONDAY, "marie@example.org", "ce-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void record_ordersCasesSubmittedAtTheSameInstant_byCaseId() {
        // "case-b" > "case-a": b wins in either order of arrival
        fixture.given(recorded("case-a", MONDAY, "a@example.org", "ce-a"))
                .when(stated("case-b", MONDAY, "b@example.org", "ce-b"))
                .expectEvents(recorded("case-b", MONDAY, "b@example.org", "ce-b"));
        setUp();
        fixture.given(recorded("case-b", MONDAY, "b@example.org", "ce-b"))
                .when(stated("case-a", MONDAY, "a@example.org", "ce-a"))
                .expectNoEvents();
    }

    @Test
    void record_isRejected_whenTheIdIsNotTheSubjectsContact() {
        fixture.givenNoPriorActivity()
                .when(new RecordContactCommand("contact:other", SUBJECT, "case-1", null, "marie@example.org", null, null, "fr-CA",
                        "EMAIL", MONDAY, "ce-1", NOW))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void record_isRejected_whenItHasNoSubmissionInstant() {
        fixture.givenNoPriorActivity()
                .when(stated("case-1", null, "marie@example.org", "ce-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
