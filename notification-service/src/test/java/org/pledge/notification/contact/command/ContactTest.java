package org.pledge.notification.contact.command;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.notification.contact.api.ContactPreferencesSetEvent;
import org.pledge.notification.contact.api.ContactRecordedEvent;
import org.pledge.notification.contact.api.RecordContactCommand;
import org.pledge.notification.contact.api.SetContactPreferencesCommand;
import org.pledge.platform.axon.CommandTargets;
import org.pledge.platform.web.PledgeException;

class ContactTest {

    private static final String SUBJECT = "web-4711";
    private static final String ID = "contact:web-4711"; // ContactIds.of(subject), worked by hand
    private static final Instant MONDAY = Instant.parse("2026-03-02T14:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:30:00Z");
    private static final Instant NOW = Instant.parse("2026-03-04T08:00:00Z");
    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-03-04T12:00:00Z");
    private static final Instant THURSDAY = Instant.parse("2026-03-05T10:00:00Z");

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

    // --- preferences: the newest statement wins

    private static SetContactPreferencesCommand prefer(String language, String channel, Instant at) {
        return SetContactPreferencesCommand.of(SUBJECT, language, channel, at);
    }

    private static ContactPreferencesSetEvent preferred(String language, String channel, Instant at) {
        return new ContactPreferencesSetEvent(ID, SUBJECT, language, channel, at);
    }

    @Test
    void prefer_recordsThePreference_whenTheClientHasAContactPointOnTheChannel() {
        // the case stated fr-CA by EMAIL and gave a phone: SMS is reachable
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"))
                .when(prefer("en", "SMS", WEDNESDAY_NOON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(preferred("en", "SMS", WEDNESDAY_NOON));
    }

    @Test
    void prefer_changesNothing_whenTheSamePreferenceIsStillInForce() {
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"), preferred("en", "SMS", WEDNESDAY_NOON))
                .when(prefer("en", "SMS", THURSDAY)) // a retried PUT, a day later
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void prefer_recordsItAgain_whenANewerCaseOverrodeIt() {
        // preference Monday+1 (Tuesday 09:30 is the case: newer), so the case's fr-CA/EMAIL is in force: stating en/SMS again counts
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"), preferred("en", "SMS", Instant.parse("2026-03-02T15:00:00Z")),
                        recorded("case-2", TUESDAY, "marie@example.org", "ce-2"))
                .when(prefer("en", "SMS", WEDNESDAY_NOON))
                .expectEvents(preferred("en", "SMS", WEDNESDAY_NOON));
    }

    @Test
    void prefer_recordsIt_whenTheCaseStatesTheSameButThePreferenceIsNew() {
        // the case's fr-CA/EMAIL is in force; the client's own word for it is a new statement (shown as PREFERENCE)
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"))
                .when(prefer("fr-CA", "EMAIL", WEDNESDAY_NOON))
                .expectEvents(preferred("fr-CA", "EMAIL", WEDNESDAY_NOON));
    }

    @Test
    void prefer_isRefused_whenTheClientHasNoContactPointOnTheChannel() {
        // the case gave an email and a phone, no postal address
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"))
                .when(prefer("fr-CA", "LETTER", WEDNESDAY_NOON))
                .expectException(PledgeException.class)
                .expectExceptionMessage(containsString("no contact point for LETTER"))
                .expectNoEvents();
    }

    @Test
    void prefer_isRefused_whenTheNewestCaseDroppedTheContactPoint() {
        // case-2 (newer) gave no phone: SMS is unreachable now
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"),
                        new ContactRecordedEvent(ID, SUBJECT, "case-2", "Marie Tremblay", "marie@example.org", null, null, "fr-CA",
                                "EMAIL", TUESDAY, "ce-2", NOW))
                .when(prefer("fr-CA", "SMS", WEDNESDAY_NOON))
                .expectException(PledgeException.class)
                .expectNoEvents();
    }

    @Test
    void prefer_isRefused_whenTheSubjectHasNoContact() {
        fixture.givenNoPriorActivity()
                .when(prefer("en", "EMAIL", WEDNESDAY_NOON))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void prefer_isRejected_whenTheLanguageIsNotATagOrTheChannelUnknown() {
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"))
                .when(prefer("français", "EMAIL", WEDNESDAY_NOON))
                .expectException(IllegalArgumentException.class);
        setUp();
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"))
                .when(prefer("fr", "FAX", WEDNESDAY_NOON))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void record_stillRecordsAnOlderCase_afterAPreference_andANewerCaseAfterIt() {
        // the case's own ordering is unchanged by preferences: Tuesday's case replaces Monday's contact points
        fixture.given(recorded("case-1", MONDAY, "marie@example.org", "ce-1"), preferred("en", "SMS", WEDNESDAY_NOON))
                .when(stated("case-2", TUESDAY, "marie.t@example.org", "ce-2"))
                .expectEvents(recorded("case-2", TUESDAY, "marie.t@example.org", "ce-2"));
    }
}
