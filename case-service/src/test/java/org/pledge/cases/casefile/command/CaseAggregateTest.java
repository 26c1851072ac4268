package org.pledge.cases.casefile.command;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.pledge.cases.casefile.command.CaseMother.ASSIGNED_AT;
import static org.pledge.cases.casefile.command.CaseMother.AT_RISK_AT;
import static org.pledge.cases.casefile.command.CaseMother.CALENDAR_ID;
import static org.pledge.cases.casefile.command.CaseMother.CASE_ID;
import static org.pledge.cases.casefile.command.CaseMother.DEADLINE;
import static org.pledge.cases.casefile.command.CaseMother.DEADLINE_V2;
import static org.pledge.cases.casefile.command.CaseMother.SUBMITTED_AT;

import java.time.Instant;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pledge.cases.CaseServiceException;
import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.AssignCaseCommand;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.InvalidCaseCommandException;
import org.pledge.cases.casefile.api.InvalidCaseTransitionException;
import org.pledge.cases.casefile.api.MarkCaseAtRiskCommand;
import org.pledge.cases.casefile.api.MarkServiceStandardBreachedCommand;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.RecalculateDeadlineCommand;
import org.pledge.cases.casefile.api.RecordInformationReceivedCommand;
import org.pledge.cases.casefile.api.ReopenCaseCommand;
import org.pledge.cases.casefile.api.RequestInformationCommand;
import org.pledge.cases.casefile.api.ResolveCaseCommand;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.cases.casefile.api.StartWorkOnCaseCommand;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.casefile.api.WithdrawCaseCommand;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.ServiceStandard;
import org.pledge.platform.axon.CommandTargets;

/** Every transition and every rejection of the Case aggregate. Dates: see {@link CaseMother}. */
class CaseAggregateTest {

    /** Thu 5 Jun 15:00 EDT. */
    private static final Instant PAUSED_AT = Instant.parse("2025-06-05T19:00:00Z");
    /** Tue 10 Jun 09:00 EDT: business days paused in [Thu 5, Tue 10) = Thu, Fri, Mon = 3. */
    private static final Instant RESUMED_AT = Instant.parse("2025-06-10T13:00:00Z");
    /** 10 + 3 = 13th business day Thu 19 Jun -> Fri 20 Jun 00:00 EDT; at risk 8 + 3 = 11th (Tue 17) -> Wed 18 00:00 EDT. */
    private static final Instant DEADLINE_AFTER_PAUSE = Instant.parse("2025-06-20T04:00:00Z");
    private static final Instant AT_RISK_AFTER_PAUSE = Instant.parse("2025-06-18T04:00:00Z");

    private FixtureConfiguration<CaseAggregate> fixture;
    private InMemoryCatalogue catalogue;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAggregate.class);
        fixture.registerCommandTargetResolver(new CommandTargets());
        catalogue = CaseMother.catalogue();
        fixture.registerInjectableResource(catalogue);
    }

    private static Matcher<?> rejected(Class<? extends CaseServiceException> type, String code) {
        return allOf(instanceOf(type), hasProperty("errorCode", equalTo(code)));
    }

    private static Matcher<?> invalidTransition(CaseStatus from) {
        return allOf(instanceOf(InvalidCaseTransitionException.class),
                hasProperty("errorCode", equalTo(InvalidCaseTransitionException.CODE)),
                hasProperty("message", org.hamcrest.Matchers.containsString("is " + from)));
    }

    @Nested
    class Submit {

        @Test
        void submit_startsTheClock_withDeadlineAndAtRiskFromTheServiceStandard() {
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submit())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(CaseMother.submitted());
        }

        @Test
        void submit_startsTheClockAtTheStatedReceipt_forMailInApplications() {
            // received Fri 30 May 10:00 EDT: Mon 2 .. Fri 13 Jun = 10 business days -> Sat 14 Jun 00:00 EDT;
            // at risk after the 8th (Wed 11) -> Thu 12 Jun 00:00 EDT.
            Instant receivedAt = Instant.parse("2025-05-30T14:00:00Z");
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitOnPaper(receivedAt, "mailroom-7"))
                    .expectEvents(CaseMother.submitted(receivedAt, Instant.parse("2025-06-14T04:00:00Z"),
                            Instant.parse("2025-06-12T04:00:00Z")));
        }

        @Test
        void submit_marksAtRiskAndBreachAtOnce_whenTheDeadlineHasPassedAlready() {
            // received Thu 1 May: Fri 2, Mon 5 .. Fri 9, Mon 12 .. Thu 15 = 10 -> Fri 16 May 00:00 EDT; at risk Wed 14 May.
            Instant receivedAt = Instant.parse("2025-05-01T14:00:00Z");
            Instant deadline = Instant.parse("2025-05-16T04:00:00Z");
            Instant atRisk = Instant.parse("2025-05-14T04:00:00Z");
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitOnPaper(receivedAt, "mailroom-7"))
                    .expectEvents(CaseMother.submitted(receivedAt, deadline, atRisk),
                            new CaseMarkedAtRiskEvent(CASE_ID, atRisk, deadline, SUBMITTED_AT),
                            new ServiceStandardBreachedEvent(CASE_ID, deadline, SUBMITTED_AT));
        }

        @Test
        void submit_isRejected_whenServiceTypeUnknown() {
            SubmitCaseCommand command = new SubmitCaseCommand(CASE_ID, "NO-SUCH-SERVICE", SubmissionChannel.WEB, SUBMITTED_AT,
                    null, null, CaseMother.applicant(), Money.of("120.00", "CAD"));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.SERVICE_TYPE_UNKNOWN))
                    .expectNoEvents();
        }

        @Test
        void submit_isRejected_whenReceivedAtIsAfterTheSubmission() {
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitOnPaper(SUBMITTED_AT.plusSeconds(1), "mailroom-7"))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.RECEIVED_AT_IN_FUTURE));
        }

        @Test
        void submit_isRejected_whenReceivedBeforeTheServiceTypeExisted() {
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitOnPaper(CaseMother.SERVICE_EXISTS_FROM.minusSeconds(1), "mailroom-7"))
                    .expectException(rejected(InvalidCaseCommandException.class,
                            InvalidCaseCommandException.RECEIVED_BEFORE_SERVICE_EXISTED));
        }

        @Test
        void submit_isRejected_whenAnOnlineChannelStatesAReceiptInstant() {
            SubmitCaseCommand command = new SubmitCaseCommand(CASE_ID, CaseMother.PASSPORT, SubmissionChannel.WEB, SUBMITTED_AT,
                    SUBMITTED_AT.minusSeconds(3600), "someone", CaseMother.applicant(), Money.of("120.00", "CAD"));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.RECEIVED_AT_NOT_ALLOWED));
        }

        @Test
        void submit_isRejected_whenNobodyStatedTheReceiptInstant() {
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitOnPaper(Instant.parse("2025-05-30T14:00:00Z"), " "))
                    .expectException(rejected(InvalidCaseCommandException.class,
                            InvalidCaseCommandException.RECEIVED_AT_STATED_BY_MISSING));
        }

        @Test
        void submit_isRejected_whenThePreferredChannelHasNoContactPoint() {
            Applicant noPhone = new Applicant("portal-4711", "Camille Tremblay", "camille@example.org", null, null, "fr-CA",
                    PreferredChannel.SMS);
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitWith(noPhone))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.CONTACT_MISSING));
        }

        @Test
        void submit_isRejected_whenTheLanguageIsNotABcp47Tag() {
            Applicant badLanguage = new Applicant("portal-4711", "Camille Tremblay", "camille@example.org", null, null,
                    "french_canada!", PreferredChannel.EMAIL);
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitWith(badLanguage))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.LANGUAGE_INVALID));
        }

        @Test
        void submit_isRejected_whenTheApplicantHasNoName() {
            Applicant noName = new Applicant("portal-4711", " ", "camille@example.org", null, null, "fr-CA", PreferredChannel.EMAIL);
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submitWith(noName))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.APPLICANT_INVALID));
        }

        @Test
        void submit_isRejected_whenTheFeePaidIsMissing() {
            SubmitCaseCommand command = new SubmitCaseCommand(CASE_ID, CaseMother.PASSPORT, SubmissionChannel.WEB, SUBMITTED_AT,
                    null, null, CaseMother.applicant(), null);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_MISSING));
        }

        @Test
        void submit_isRejected_whenTheServiceTypesCalendarIsUnknown() {
            ServiceType elsewhere = new ServiceType("PERMIT", Map.of("en", "Permit", "fr", "Permis"), Money.of("10", "CAD"),
                    ServiceStandard.calendarDays(30), null, null, false, "no-such-calendar", CaseMother.SERVICE_EXISTS_FROM);
            catalogue.with(elsewhere);
            SubmitCaseCommand command = new SubmitCaseCommand(CASE_ID, "PERMIT", SubmissionChannel.WEB, SUBMITTED_AT, null, null,
                    CaseMother.applicant(), Money.of("10", "CAD"));
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.CALENDAR_UNKNOWN));
        }
    }

    /**
     * The fee rule: PASSPORT costs 120.00 CAD at receipt (CaseMother). The fee paid must be that, unless a reduction
     * reason says why less: a waiver pays 0, a concession less than 120.00.
     */
    @Nested
    class Fee {

        private SubmitCaseCommand paying(String amount, String currency, String reason) {
            return new SubmitCaseCommand(CASE_ID, CaseMother.PASSPORT, SubmissionChannel.WEB, SUBMITTED_AT, null, null,
                    CaseMother.applicant(), Money.of(amount, currency), reason);
        }

        private CaseSubmittedEvent submittedPaying(String amount, String reason) {
            CaseSubmittedEvent e = CaseMother.submitted();
            return new CaseSubmittedEvent(e.caseId(), e.serviceTypeCode(), e.channel(), e.submittedAt(), e.receivedAt(),
                    e.receivedAtStatedBy(), e.applicant(), Money.of(amount, "CAD"), e.serviceStandard(), e.atRiskShare(), e.guaranteed(),
                    e.calendarId(), e.calendarVersion(), e.deadline(), e.atRiskAt(), null, null, null, null, reason);
        }

        @Test
        void theCatalogueFee_isAccepted_inAnyScaleThatIsNumericallyEqual() {
            // 120 = 120.00 = 120.0: numerically equal
            fixture.givenNoPriorActivity().when(paying("120", "CAD", null)).expectEvents(submittedPaying("120", null));
        }

        @Test
        void zero_orAnAbsurdAmount_withoutAReason_isAFeeMismatch() {
            for (String amount : new String[] {"0.00", "119.99", "120.01", "99999999999.99"}) {
                fixture.givenNoPriorActivity().when(paying(amount, "CAD", null))
                        .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_MISMATCH))
                        .expectNoEvents();
            }
        }

        @Test
        void anotherCurrency_isACurrencyMismatch_evenWithAReason() {
            fixture.givenNoPriorActivity().when(paying("120.00", "USD", null))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_CURRENCY_MISMATCH));
            fixture.givenNoPriorActivity().when(paying("0", "EUR", "hardship-waiver"))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_CURRENCY_MISMATCH));
        }

        @Test
        void aWaiver_paysNothing_andIsRecorded() {
            fixture.givenNoPriorActivity().when(paying("0.00", "CAD", "hardship-waiver"))
                    .expectEvents(submittedPaying("0.00", "hardship-waiver"));
            fixture.givenNoPriorActivity().when(paying("0", "CAD", "official-business"))
                    .expectEvents(submittedPaying("0", "official-business"));
            fixture.givenNoPriorActivity().when(paying("0", "CAD", "replacement-no-charge"))
                    .expectEvents(submittedPaying("0", "replacement-no-charge"));
        }

        @Test
        void aWaiver_withAnAmount_isAnInvalidReduction() {
            fixture.givenNoPriorActivity().when(paying("60.00", "CAD", "hardship-waiver"))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_REDUCTION_INVALID));
        }

        @Test
        void aConcession_paysLessThanTheFee() {
            fixture.givenNoPriorActivity().when(paying("60.00", "CAD", "concession")).expectEvents(submittedPaying("60.00", "concession"));
            fixture.givenNoPriorActivity().when(paying("119.99", "CAD", "concession")).expectEvents(submittedPaying("119.99", "concession"));
            // not the full fee, nor more
            fixture.givenNoPriorActivity().when(paying("120.00", "CAD", "concession"))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_REDUCTION_INVALID));
            fixture.givenNoPriorActivity().when(paying("150.00", "CAD", "concession"))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_REDUCTION_INVALID));
        }

        @Test
        void aPaymentReference_isKeptInTheSubmittedEvent() {
            CaseSubmittedEvent e = submittedPaying("120.00", null);
            fixture.givenNoPriorActivity()
                    .when(new SubmitCaseCommand(CASE_ID, CaseMother.PASSPORT, SubmissionChannel.WEB, SUBMITTED_AT, null, null,
                            CaseMother.applicant(), Money.of("120.00", "CAD"), null, "ch_3NqKx2:Lk.9-a"))
                    .expectEvents(new CaseSubmittedEvent(e.caseId(), e.serviceTypeCode(), e.channel(), e.submittedAt(), e.receivedAt(),
                            e.receivedAtStatedBy(), e.applicant(), e.feePaid(), e.serviceStandard(), e.atRiskShare(), e.guaranteed(),
                            e.calendarId(), e.calendarVersion(), e.deadline(), e.atRiskAt(), null, null, null, null, null,
                            "ch_3NqKx2:Lk.9-a"));
        }

        @Test
        void aPaymentReferenceThatIsNoProvidersId_isRejected() {
            for (String reference : new String[] {"", " ch_1", "-ch_1", "ch 1", "ch_1\r\n", "ré-1", "p".repeat(65)}) {
                fixture.givenNoPriorActivity()
                        .when(new SubmitCaseCommand(CASE_ID, CaseMother.PASSPORT, SubmissionChannel.WEB, SUBMITTED_AT, null, null,
                                CaseMother.applicant(), Money.of("120.00", "CAD"), null, reference))
                        .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.PAYMENT_REFERENCE_INVALID))
                        .expectNoEvents();
            }
        }

        @Test
        void anUnknownReason_isAnInvalidReduction() {
            for (String reason : new String[] {"because", "HARDSHIP-WAIVER", "hardship-waiver\r\n", ""}) {
                fixture.givenNoPriorActivity().when(paying("0.00", "CAD", reason))
                        .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FEE_REDUCTION_INVALID));
            }
        }

        @Test
        void aFollowUp_isNotASubmission_andPaysNothing() {
            fixture.givenNoPriorActivity().when(CaseMother.openFollowUp("fu-fee"))
                    .expectEvents(CaseMother.followUpOpened("fu-fee"));
        }
    }

    @Nested
    class SubmissionInput {

        @Test
        void aFollowUpChannel_cannotBeSubmitted() {
            SubmitCaseCommand command = new SubmitCaseCommand(CASE_ID, CaseMother.PASSPORT, SubmissionChannel.FOLLOW_UP, SUBMITTED_AT,
                    null, null, CaseMother.applicant(), Money.of("120.00", "CAD"));
            fixture.givenNoPriorActivity().when(command)
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FOLLOW_UP_NOT_SUBMITTABLE))
                    .expectNoEvents();
        }

        @Test
        void aReceiptInstantOutsideTheSaneRange_isRefused_beforeAnyDayIsCounted() {
            for (Instant absurd : new Instant[] {Instant.MIN, Instant.parse("1899-12-31T23:59:59Z"), Instant.parse("-999999999-01-01T00:00:00Z")}) {
                fixture.givenNoPriorActivity().when(CaseMother.submitOnPaper(absurd, "mailroom-7"))
                        .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.INSTANT_OUT_OF_RANGE));
            }
        }

        @Test
        void contactPointsThatAreNotValid_areRefused() {
            Applicant a = CaseMother.applicant();
            Applicant[] bad = {
                    new Applicant(a.reference(), a.name(), "a@example.org\r\nBcc: victim@example.org", null, null, "fr-CA", PreferredChannel.EMAIL),
                    new Applicant(a.reference(), a.name(), "not-an-email", null, null, "fr-CA", PreferredChannel.EMAIL),
                    new Applicant(a.reference(), "Camille\r\nTremblay", a.email(), null, null, "fr-CA", PreferredChannel.EMAIL),
                    new Applicant("ref\u0000", a.name(), a.email(), null, null, "fr-CA", PreferredChannel.EMAIL),
                    new Applicant(a.reference(), a.name(), null, "514-555-0123", null, "fr-CA", PreferredChannel.SMS),
                    new Applicant(a.reference(), a.name(), null, null, "1 Main St\u0007", "fr-CA", PreferredChannel.LETTER)};
            for (Applicant applicant : bad) {
                fixture.givenNoPriorActivity().when(CaseMother.submitWith(applicant))
                        .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.APPLICANT_INVALID));
            }
        }

        @Test
        void everyScript_andAnE164Phone_andAMultiLineAddress_areAccepted() {
            Applicant a = new Applicant("portal-4711", "محمد 王小明 देव 👩🏽‍💻", "camille@example.org", "+15145550123",
                    "1 Main St\nOttawa ON\nK1A 0A6", "ar-CA", PreferredChannel.SMS);
            fixture.givenNoPriorActivity().when(CaseMother.submitWith(a))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof CaseSubmittedEvent s
                            && s.applicant().equals(a)), andNoMore())));
        }
    }

    @Nested
    class FollowUp {

        @Test
        void openFollowUp_opensALinkedCase_underAnIdDerivedFromTheRequest() {
            fixture.givenNoPriorActivity()
                    .when(CaseMother.openFollowUp("fu-1"))
                    .expectEvents(CaseMother.followUpOpened("fu-1"));
        }

        @Test
        void openFollowUp_doesNothing_whenTheRequestIsRepeated() {
            fixture.given(CaseMother.followUpOpened("fu-1"))
                    .when(CaseMother.openFollowUp("fu-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void openFollowUp_isRejected_whenTheReasonIsNotACode() {
            fixture.givenNoPriorActivity()
                    .when(new org.pledge.cases.casefile.api.OpenFollowUpCaseCommand("fu-3", "case-0", "Unhappy!!",
                            CaseMother.PASSPORT, SUBMITTED_AT, CaseMother.applicant(), Money.zero("CAD"), CaseMother.EARLIER_OWNER))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.REASON_CODE_INVALID));
        }

        @Test
        void openFollowUp_isRejected_whenThePreviousCaseIsMissing() {
            fixture.givenNoPriorActivity()
                    .when(new org.pledge.cases.casefile.api.OpenFollowUpCaseCommand("fu-2", " ", "low-satisfaction",
                            CaseMother.PASSPORT, SUBMITTED_AT, CaseMother.applicant(), Money.zero("CAD"), CaseMother.EARLIER_OWNER))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FIELD_MISSING));
        }

        @Test
        void openFollowUp_belongsToTheEarlierCasesOwner_notToTheServiceThatRequestedIt() {
            fixture.givenNoPriorActivity()
                    .when(CaseMother.openFollowUp("fu-4"), Map.of("actor", "feedback-service"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof CaseSubmittedEvent s && s.owner().equals(CaseMother.EARLIER_OWNER)
                                    && s.ownerGiven("feedback-service").equals(CaseMother.EARLIER_OWNER)),
                            andNoMore())));
        }

        @Test
        void submission_recordsNoOwner_soItsSubmitterOwnsIt() {
            fixture.givenNoPriorActivity()
                    .when(CaseMother.submit(), Map.of("actor", "web-portal"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            predicate(e -> e instanceof CaseSubmittedEvent s && s.owner() == null
                                    && s.ownerGiven("web-portal").equals("web-portal")),
                            andNoMore())));
        }

        @Test
        void openFollowUp_isRejected_whenItsOwnerIsMissing() {
            fixture.givenNoPriorActivity()
                    .when(new org.pledge.cases.casefile.api.OpenFollowUpCaseCommand("fu-5", "case-0", "low-satisfaction",
                            CaseMother.PASSPORT, SUBMITTED_AT, CaseMother.applicant(), Money.zero("CAD"), null))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FIELD_MISSING));
        }
    }

    @Nested
    class Assign {

        @Test
        void assign_movesASubmittedCaseToAssigned() {
            fixture.given(CaseMother.submitted())
                    .when(new AssignCaseCommand(CASE_ID, "agent-smith", ASSIGNED_AT))
                    .expectEvents(new CaseAssignedEvent(CASE_ID, "agent-smith", ASSIGNED_AT));
        }

        @Test
        void assign_reassignsACaseInProgress_whichStaysInProgress() {
            Instant later = Instant.parse("2025-06-03T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .andGiven(new CaseAssignedEvent(CASE_ID, "agent-jones", later))
                    .when(new RequestInformationCommand(CASE_ID, "missing-photo", later))
                    .expectEvents(new InformationRequestedEvent(CASE_ID, "missing-photo", later));
        }

        @Test
        void assign_doesNothing_whenAssignedToTheSameCaseworker() {
            fixture.given(CaseMother.submitted(), CaseMother.assigned())
                    .when(new AssignCaseCommand(CASE_ID, "agent-smith", ASSIGNED_AT.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void assign_isRejected_whenTheAssigneeIsBlank() {
            fixture.given(CaseMother.submitted())
                    .when(new AssignCaseCommand(CASE_ID, "", ASSIGNED_AT))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FIELD_MISSING));
        }

        @Test
        void assign_isRejected_whenResolved() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new AssignCaseCommand(CASE_ID, "agent-jones", Instant.parse("2025-06-12T14:00:00Z")))
                    .expectException(invalidTransition(CaseStatus.RESOLVED));
        }

        @Test
        void assign_isRejected_whenWithdrawn() {
            fixture.given(CaseMother.submitted(), withdrawn(WithdrawnBy.CHANNEL, ASSIGNED_AT))
                    .when(new AssignCaseCommand(CASE_ID, "agent-jones", ASSIGNED_AT))
                    .expectException(invalidTransition(CaseStatus.WITHDRAWN));
        }

        @Test
        void assign_isRejected_whenOlderThanTheLastChange() {
            fixture.given(CaseMother.submitted())
                    .when(new AssignCaseCommand(CASE_ID, "agent-smith", SUBMITTED_AT.minusSeconds(1)))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.OUT_OF_ORDER));
        }
    }

    @Nested
    class StartWork {

        @Test
        void startWork_movesAnAssignedCaseToInProgress() {
            fixture.given(CaseMother.submitted(), CaseMother.assigned())
                    .when(new StartWorkOnCaseCommand(CASE_ID, CaseMother.STARTED_AT))
                    .expectEvents(new CaseWorkStartedEvent(CASE_ID, CaseMother.STARTED_AT));
        }

        @Test
        void startWork_isRejected_whenNotAssigned() {
            fixture.given(CaseMother.submitted())
                    .when(new StartWorkOnCaseCommand(CASE_ID, CaseMother.STARTED_AT))
                    .expectException(invalidTransition(CaseStatus.SUBMITTED));
        }

        @Test
        void startWork_isRejected_whenAlreadyInProgress() {
            fixture.given(CaseMother.inProgress())
                    .when(new StartWorkOnCaseCommand(CASE_ID, CaseMother.STARTED_AT))
                    .expectException(invalidTransition(CaseStatus.IN_PROGRESS));
        }
    }

    @Nested
    class Information {

        @Test
        void requestInformation_pausesTheClock() {
            fixture.given(CaseMother.inProgress())
                    .when(new RequestInformationCommand(CASE_ID, "missing-photo", PAUSED_AT))
                    .expectEvents(new InformationRequestedEvent(CASE_ID, "missing-photo", PAUSED_AT));
        }

        @Test
        void requestInformation_isRejected_whenNotInProgress() {
            fixture.given(CaseMother.submitted(), CaseMother.assigned())
                    .when(new RequestInformationCommand(CASE_ID, "missing-photo", PAUSED_AT))
                    .expectException(invalidTransition(CaseStatus.ASSIGNED));
        }

        @Test
        void requestInformation_isRejected_whenAlreadyAwaitingInformation() {
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .when(new RequestInformationCommand(CASE_ID, "missing-signature", RESUMED_AT))
                    .expectException(invalidTransition(CaseStatus.AWAITING_INFORMATION));
        }

        @Test
        void requestInformation_isRejected_whenTheReasonIsNotACode() {
            fixture.given(CaseMother.inProgress())
                    .when(new RequestInformationCommand(CASE_ID, "Please send a photo", PAUSED_AT))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.REASON_CODE_INVALID));
        }

        @Test
        void informationReceived_resumesTheClock_andMovesTheDeadlineByThePausedBusinessDays() {
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .when(new RecordInformationReceivedCommand(CASE_ID, RESUMED_AT))
                    .expectEvents(new InformationReceivedEvent(CASE_ID, PAUSED_AT, RESUMED_AT, DEADLINE_AFTER_PAUSE, AT_RISK_AFTER_PAUSE));
        }

        @Test
        void informationReceived_isRejected_whenNoInformationWasRequested() {
            fixture.given(CaseMother.inProgress())
                    .when(new RecordInformationReceivedCommand(CASE_ID, RESUMED_AT))
                    .expectException(invalidTransition(CaseStatus.IN_PROGRESS));
        }

        @Test
        void informationReceived_isRejected_whenOlderThanTheRequest() {
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .when(new RecordInformationReceivedCommand(CASE_ID, PAUSED_AT.minusSeconds(1)))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.OUT_OF_ORDER));
        }
    }

    @Nested
    class AtRisk {

        @Test
        void markAtRisk_recordsTheCaseAtRisk_whenDue() {
            fixture.given(CaseMother.inProgress())
                    .when(new MarkCaseAtRiskCommand(CASE_ID, AT_RISK_AT, AT_RISK_AT))
                    .expectEvents(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, AT_RISK_AT));
        }

        @Test
        void markAtRisk_isIgnored_whenNotYetDue() {
            fixture.given(CaseMother.inProgress())
                    .when(new MarkCaseAtRiskCommand(CASE_ID, AT_RISK_AT, AT_RISK_AT.minusSeconds(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markAtRisk_isIgnored_whenAlreadyMarked() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, AT_RISK_AT))
                    .when(new MarkCaseAtRiskCommand(CASE_ID, AT_RISK_AT, AT_RISK_AT.plusSeconds(5)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markAtRisk_isIgnored_whilePaused() {
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .when(new MarkCaseAtRiskCommand(CASE_ID, AT_RISK_AT, AT_RISK_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markAtRisk_isIgnored_whenTheScheduleIsStaleAfterAPause() {
            // the scheduler computed the original at-risk instant; the pause moved it to Wed 18 Jun
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .andGiven(new InformationReceivedEvent(CASE_ID, PAUSED_AT, RESUMED_AT, DEADLINE_AFTER_PAUSE, AT_RISK_AFTER_PAUSE))
                    .when(new MarkCaseAtRiskCommand(CASE_ID, AT_RISK_AT, AT_RISK_AT.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markAtRisk_isIgnored_whenResolved() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new MarkCaseAtRiskCommand(CASE_ID, AT_RISK_AT, AT_RISK_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markAtRisk_isIgnored_whenWithdrawn() {
            fixture.given(CaseMother.submitted(), withdrawn(WithdrawnBy.CHANNEL, ASSIGNED_AT))
                    .when(new MarkCaseAtRiskCommand(CASE_ID, AT_RISK_AT, AT_RISK_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Breach {

        @Test
        void markBreached_recordsAtRiskThenTheBreach_whenAtRiskWasNotRecordedYet() {
            fixture.given(CaseMother.inProgress())
                    .when(new MarkServiceStandardBreachedCommand(CASE_ID, DEADLINE, DEADLINE))
                    .expectEvents(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, DEADLINE),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, DEADLINE));
        }

        @Test
        void markBreached_recordsTheBreach_whenDue() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, AT_RISK_AT))
                    .when(new MarkServiceStandardBreachedCommand(CASE_ID, DEADLINE, DEADLINE.plusSeconds(2)))
                    .expectEvents(new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, DEADLINE.plusSeconds(2)));
        }

        @Test
        void markBreached_isIgnored_whenAlreadyBreached() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, AT_RISK_AT),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, DEADLINE))
                    .when(new MarkServiceStandardBreachedCommand(CASE_ID, DEADLINE, DEADLINE.plusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markBreached_isIgnored_whenNotYetDue() {
            fixture.given(CaseMother.inProgress())
                    .when(new MarkServiceStandardBreachedCommand(CASE_ID, DEADLINE, DEADLINE.minusNanos(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markBreached_isIgnored_whilePaused() {
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .when(new MarkServiceStandardBreachedCommand(CASE_ID, DEADLINE, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markBreached_isIgnored_whenResolved() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new MarkServiceStandardBreachedCommand(CASE_ID, DEADLINE, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void markBreached_isIgnored_whenWithdrawn() {
            fixture.given(CaseMother.submitted(), withdrawn(WithdrawnBy.CASEWORKER, ASSIGNED_AT))
                    .when(new MarkServiceStandardBreachedCommand(CASE_ID, DEADLINE, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Resolve {

        @Test
        void resolve_beforeTheDeadline_isOnTime() {
            Instant at = Instant.parse("2025-06-11T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.APPROVED, "passport printed", at))
                    .expectEvents(new CaseResolvedEvent(CASE_ID, Outcome.APPROVED, "passport printed", at, true, 0, DEADLINE));
        }

        @Test
        void resolve_withAReasonCode_keepsIt_andAReasonCodeThatIsNoCode_isRejected() {
            Instant at = Instant.parse("2025-06-11T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.REFUSED, "forged documents", at, "fraud"))
                    .expectEvents(new CaseResolvedEvent(CASE_ID, Outcome.REFUSED, "forged documents", at, true, 0, DEADLINE, "fraud"));
            for (String code : new String[] {"Fraud", "", "fraud\n", "-fraud"}) {
                fixture.given(CaseMother.inProgress())
                        .when(new ResolveCaseCommand(CASE_ID, Outcome.REFUSED, "forged documents", at, code))
                        .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.REASON_CODE_INVALID))
                        .expectNoEvents();
            }
        }

        @Test
        void resolve_afterTheDeadline_recordsTheMissedMarkersFirst_andCountsTheBusinessDaysLate() {
            // Wed 18 Jun 10:00 EDT; last counted day Mon 16: Tue 17 and Wed 18 -> 2 business days late.
            Instant at = Instant.parse("2025-06-18T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.REFUSED, "not eligible", at))
                    .expectEvents(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, at),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, at),
                            new CaseResolvedEvent(CASE_ID, Outcome.REFUSED, "not eligible", at, false, 2, DEADLINE));
        }

        @Test
        void resolve_atTheDeadline_isLateByAtLeastOneDay() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, AT_RISK_AT),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, DEADLINE))
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.APPROVED, "done", DEADLINE))
                    .expectEvents(new CaseResolvedEvent(CASE_ID, Outcome.APPROVED, "done", DEADLINE, false, 1, DEADLINE));
        }

        @Test
        void resolve_whileAwaitingInformation_closesThePauseFirst() {
            // paused Thu 5 Jun, resolved Mon 9 Jun 10:00 EDT: Thu 5 and Fri 6 paused -> 12th business day Wed 18 -> Thu 19 00:00 EDT.
            Instant at = Instant.parse("2025-06-09T14:00:00Z");
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.OTHER, "client stopped answering", at))
                    .expectEvents(new CaseResolvedEvent(CASE_ID, Outcome.OTHER, "client stopped answering", at, true, 0,
                            Instant.parse("2025-06-19T04:00:00Z")));
        }

        @Test
        void resolve_isRejected_beforeWorkStarted() {
            fixture.given(CaseMother.submitted(), CaseMother.assigned())
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.APPROVED, "done", RESUMED_AT))
                    .expectException(invalidTransition(CaseStatus.ASSIGNED));
        }

        @Test
        void resolve_isRejected_whenAlreadyResolved() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.APPROVED, "again", Instant.parse("2025-06-12T14:00:00Z")))
                    .expectException(invalidTransition(CaseStatus.RESOLVED));
        }

        @Test
        void resolve_isRejected_withoutANote() {
            fixture.given(CaseMother.inProgress())
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.APPROVED, " ", RESUMED_AT))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FIELD_MISSING));
        }

        @Test
        void resolve_isRejected_withoutAnOutcome() {
            fixture.given(CaseMother.inProgress())
                    .when(new ResolveCaseCommand(CASE_ID, null, "done", RESUMED_AT))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FIELD_MISSING));
        }
    }

    @Nested
    class Withdraw {

        @Test
        void withdraw_byTheChannel_closesASubmittedCase() {
            fixture.given(CaseMother.submitted())
                    .when(new WithdrawCaseCommand(CASE_ID, WithdrawnBy.CHANNEL, "no longer needed", ASSIGNED_AT))
                    .expectEvents(withdrawn(WithdrawnBy.CHANNEL, ASSIGNED_AT));
        }

        @Test
        void withdraw_byACaseworker_closesACaseAwaitingInformation() {
            fixture.given(CaseMother.awaitingInformationSince(PAUSED_AT))
                    .when(new WithdrawCaseCommand(CASE_ID, WithdrawnBy.CASEWORKER, "no longer needed", RESUMED_AT))
                    .expectEvents(withdrawn(WithdrawnBy.CASEWORKER, RESUMED_AT));
        }

        @Test
        void withdraw_afterTheDeadline_recordsTheBreachFirst() {
            Instant at = Instant.parse("2025-06-18T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .when(new WithdrawCaseCommand(CASE_ID, WithdrawnBy.CHANNEL, "no longer needed", at))
                    .expectEvents(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, at),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, at), withdrawn(WithdrawnBy.CHANNEL, at));
        }

        @Test
        void withdraw_isRejected_whenResolved() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new WithdrawCaseCommand(CASE_ID, WithdrawnBy.CHANNEL, "too late", Instant.parse("2025-06-12T14:00:00Z")))
                    .expectException(invalidTransition(CaseStatus.RESOLVED));
        }

        @Test
        void withdraw_isRejected_whenAlreadyWithdrawn() {
            fixture.given(CaseMother.submitted(), withdrawn(WithdrawnBy.CHANNEL, ASSIGNED_AT))
                    .when(new WithdrawCaseCommand(CASE_ID, WithdrawnBy.CHANNEL, "no longer needed", ASSIGNED_AT))
                    .expectException(invalidTransition(CaseStatus.WITHDRAWN));
        }

        @Test
        void withdraw_isRejected_withoutAReason() {
            fixture.given(CaseMother.submitted())
                    .when(new WithdrawCaseCommand(CASE_ID, WithdrawnBy.CHANNEL, null, ASSIGNED_AT))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FIELD_MISSING));
        }
    }

    @Nested
    class Reopen {

        @Test
        void reopen_resumesTheClock_countingTheClosedTimeAsAPause() {
            // resolved Wed 11 Jun, reopened Fri 13 Jun: Wed 11 and Thu 12 paused -> 12th business day Wed 18 -> Thu 19 00:00 EDT;
            // at risk after the 10th (Mon 16) -> Tue 17 00:00 EDT.
            Instant reopenedAt = Instant.parse("2025-06-13T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new ReopenCaseCommand(CASE_ID, "decision-error", reopenedAt))
                    .expectEvents(new CaseReopenedEvent(CASE_ID, "decision-error", Instant.parse("2025-06-11T14:00:00Z"), reopenedAt,
                            Instant.parse("2025-06-19T04:00:00Z"), Instant.parse("2025-06-17T04:00:00Z")));
        }

        @Test
        void reopen_keepsTheDeadline_andDoesNotBreachAgain_whenTheStandardWasAlreadyBreached() {
            Instant resolvedAt = Instant.parse("2025-06-18T14:00:00Z");
            Instant reopenedAt = Instant.parse("2025-06-20T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .andGiven(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, resolvedAt),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, resolvedAt),
                            new CaseResolvedEvent(CASE_ID, Outcome.REFUSED, "not eligible", resolvedAt, false, 2, DEADLINE))
                    .when(new ReopenCaseCommand(CASE_ID, "appeal-upheld", reopenedAt))
                    .expectEvents(new CaseReopenedEvent(CASE_ID, "appeal-upheld", resolvedAt, reopenedAt, DEADLINE, AT_RISK_AT));
        }

        @Test
        void reopen_isRejected_whenNotResolved() {
            fixture.given(CaseMother.inProgress())
                    .when(new ReopenCaseCommand(CASE_ID, "decision-error", RESUMED_AT))
                    .expectException(invalidTransition(CaseStatus.IN_PROGRESS));
        }

        @Test
        void reopen_isRejected_whenWithdrawn() {
            fixture.given(CaseMother.submitted(), withdrawn(WithdrawnBy.CHANNEL, ASSIGNED_AT))
                    .when(new ReopenCaseCommand(CASE_ID, "decision-error", RESUMED_AT))
                    .expectException(invalidTransition(CaseStatus.WITHDRAWN));
        }

        @Test
        void reopen_isRejected_withoutAReason() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new ReopenCaseCommand(CASE_ID, "", Instant.parse("2025-06-13T14:00:00Z")))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.FIELD_MISSING));
        }
    }

    @Nested
    class Recalculate {

        private final Instant now = Instant.parse("2025-06-10T12:00:00Z");

        @Test
        void recalculate_movesTheDeadline_whenTheNewCalendarVersionAddsAHoliday() {
            catalogue.with(CaseMother.calendarV2());
            fixture.given(CaseMother.inProgress())
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 2, now))
                    .expectEvents(new DeadlineRecalculatedEvent(CASE_ID, CALENDAR_ID, 2, DEADLINE_V2, AT_RISK_AT, now));
        }

        @Test
        void recalculate_recordsTheBreachAtOnce_whenARemovedHolidayPutsTheDeadlineInThePast() {
            // on version 2 (Mon 16 a holiday) the deadline was Wed 18; version 3 drops that holiday: back to Tue 17 04:00Z,
            // which is past on Tue 17 at 08:00 EDT.
            BusinessCalendar v3 = BusinessCalendar.mondayToFriday(CALENDAR_ID, 3, CaseMother.TORONTO,
                    CaseMother.calendarV1().holidays());
            catalogue.with(CaseMother.calendarV2()).with(v3);
            Instant tuesday = Instant.parse("2025-06-17T12:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .andGiven(new DeadlineRecalculatedEvent(CASE_ID, CALENDAR_ID, 2, DEADLINE_V2, AT_RISK_AT, now),
                            new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE_V2, AT_RISK_AT))
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 3, tuesday))
                    .expectEvents(new DeadlineRecalculatedEvent(CASE_ID, CALENDAR_ID, 3, DEADLINE, AT_RISK_AT, tuesday),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, tuesday));
        }

        @Test
        void recalculate_isIgnored_whenResolved() {
            catalogue.with(CaseMother.calendarV2());
            fixture.given(CaseMother.inProgress())
                    .andGiven(resolvedOnTime())
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 2, Instant.parse("2025-06-12T14:00:00Z")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recalculate_isIgnored_whenWithdrawn() {
            catalogue.with(CaseMother.calendarV2());
            fixture.given(CaseMother.submitted(), withdrawn(WithdrawnBy.CHANNEL, ASSIGNED_AT))
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 2, now))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        /** The recalculation on publishing and the sweep (on any instance) may both send it; the second changes nothing. */
        @Test
        void recalculate_repeated_recordsNothing_evenWithAnOlderInstant() {
            catalogue.with(CaseMother.calendarV2());
            fixture.given(CaseMother.inProgress())
                    .andGiven(new DeadlineRecalculatedEvent(CASE_ID, CALENDAR_ID, 2, DEADLINE_V2, AT_RISK_AT, now))
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 2, now.minusSeconds(60)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recalculate_isIgnored_whenTheVersionIsNotNewer() {
            fixture.given(CaseMother.inProgress())
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 1, now))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recalculate_isRejected_forAnotherCalendar() {
            fixture.given(CaseMother.inProgress())
                    .when(new RecalculateDeadlineCommand(CASE_ID, "fr-national", 2, now))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.CALENDAR_MISMATCH));
        }

        @Test
        void recalculate_isRejected_whenTheVersionIsUnknown() {
            fixture.given(CaseMother.inProgress())
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 9, now))
                    .expectException(rejected(InvalidCaseCommandException.class, InvalidCaseCommandException.CALENDAR_UNKNOWN));
        }
    }

    /** Once the breach is recorded, the promise is missed: pauses and new calendar versions no longer move the deadline. */
    @Nested
    class AfterTheBreach {

        private final Instant breachedAt = DEADLINE.plusSeconds(60);
        private final Instant pausedAt = Instant.parse("2025-06-17T14:00:00Z");
        private final Instant resumedAt = Instant.parse("2025-06-19T14:00:00Z");

        private Object[] breachedThenPaused() {
            return new Object[] {new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, AT_RISK_AT),
                    new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, breachedAt),
                    new InformationRequestedEvent(CASE_ID, "missing-photo", pausedAt)};
        }

        @Test
        void informationReceived_keepsTheBreachedDeadline() {
            fixture.given(CaseMother.inProgress())
                    .andGiven(breachedThenPaused())
                    .when(new RecordInformationReceivedCommand(CASE_ID, resumedAt))
                    .expectEvents(new InformationReceivedEvent(CASE_ID, pausedAt, resumedAt, DEADLINE, AT_RISK_AT));
        }

        @Test
        void resolve_afterAPauseThatFollowedTheBreach_isStillLate() {
            // the pause (Tue 17 -> Thu 19) does not help: last counted day Mon 16; Tue 17 .. Fri 20 -> 4 business days late.
            Instant resolvedAt = Instant.parse("2025-06-20T14:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .andGiven(breachedThenPaused())
                    .andGiven(new InformationReceivedEvent(CASE_ID, pausedAt, resumedAt, DEADLINE, AT_RISK_AT))
                    .when(new ResolveCaseCommand(CASE_ID, Outcome.APPROVED, "done", resolvedAt))
                    .expectEvents(new CaseResolvedEvent(CASE_ID, Outcome.APPROVED, "done", resolvedAt, false, 4, DEADLINE));
        }

        @Test
        void recalculate_recordsTheNewVersion_butKeepsTheBreachedDeadline() {
            catalogue.with(CaseMother.calendarV2());
            Instant now = Instant.parse("2025-06-17T16:00:00Z");
            fixture.given(CaseMother.inProgress())
                    .andGiven(new CaseMarkedAtRiskEvent(CASE_ID, AT_RISK_AT, DEADLINE, AT_RISK_AT),
                            new ServiceStandardBreachedEvent(CASE_ID, DEADLINE, breachedAt))
                    .when(new RecalculateDeadlineCommand(CASE_ID, CALENDAR_ID, 2, now))
                    .expectEvents(new DeadlineRecalculatedEvent(CASE_ID, CALENDAR_ID, 2, DEADLINE, AT_RISK_AT, now));
        }
    }

    private static CaseResolvedEvent resolvedOnTime() {
        return new CaseResolvedEvent(CASE_ID, Outcome.APPROVED, "passport printed", Instant.parse("2025-06-11T14:00:00Z"), true, 0,
                DEADLINE);
    }

    private static CaseWithdrawnEvent withdrawn(WithdrawnBy by, Instant at) {
        return new CaseWithdrawnEvent(CASE_ID, by, "no longer needed", at);
    }
}
