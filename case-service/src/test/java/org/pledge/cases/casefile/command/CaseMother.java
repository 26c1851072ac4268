package org.pledge.cases.casefile.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.time.LocalDate;

import org.pledge.cases.casefile.api.Applicant;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseIds;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.OpenFollowUpCaseCommand;
import org.pledge.cases.casefile.api.PreferredChannel;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.SubmitCaseCommand;
import org.pledge.cases.catalogue.api.Money;
import org.pledge.cases.catalogue.api.ServiceType;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.ServiceStandard;

/**
 * A passport case in Toronto: 10 business days, at risk at 80 %, Saturday/Sunday weekend.
 *
 * <p>Submitted Mon 2 Jun 2025 10:00 EDT (14:00Z). Counting Tue 3 .. Fri 6 (4), Mon 9 .. Fri 13 (9), Mon 16 (10):
 * deadline Tue 17 Jun 00:00 EDT = 04:00Z; at risk after business day 8 (Thu 12): Fri 13 Jun 00:00 EDT.
 * Calendar version 2 adds Mon 16 Jun as a holiday: the 10th business day becomes Tue 17, deadline Wed 18 Jun.
 */
final class CaseMother {

    static final String CASE_ID = "case-1";
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final String CALENDAR_ID = "ca-on";
    static final String PASSPORT = "PASSPORT";
    static final Instant SERVICE_EXISTS_FROM = Instant.parse("2020-01-01T00:00:00Z");

    static final Instant SUBMITTED_AT = Instant.parse("2025-06-02T14:00:00Z");
    static final Instant ASSIGNED_AT = Instant.parse("2025-06-02T15:00:00Z");
    static final Instant STARTED_AT = Instant.parse("2025-06-02T16:00:00Z");
    static final Instant DEADLINE = Instant.parse("2025-06-17T04:00:00Z");
    static final Instant AT_RISK_AT = Instant.parse("2025-06-13T04:00:00Z");
    static final Instant DEADLINE_V2 = Instant.parse("2025-06-18T04:00:00Z");

    private CaseMother() {
    }

    static BusinessCalendar calendarV1() {
        return BusinessCalendar.mondayToFriday(CALENDAR_ID, 1, TORONTO, Set.of(LocalDate.of(2025, 7, 1)));
    }

    static BusinessCalendar calendarV2() {
        return calendarV1().withHolidays(Set.of(LocalDate.of(2025, 6, 16), LocalDate.of(2025, 7, 1)));
    }

    static ServiceType passport() {
        return new ServiceType(PASSPORT, Map.of("en", "Adult passport", "fr", "Passeport adulte"), Money.of("120.00", "CAD"),
                ServiceStandard.businessDays(10), ServiceStandard.businessDays(20), new BigDecimal("0.8"), true, CALENDAR_ID,
                SERVICE_EXISTS_FROM);
    }

    static InMemoryCatalogue catalogue() {
        return new InMemoryCatalogue().with(passport()).with(calendarV1());
    }

    static Applicant applicant() {
        return new Applicant("portal-4711", "Camille Tremblay", "camille@example.org", null, null, "fr-CA", PreferredChannel.EMAIL);
    }

    static SubmitCaseCommand submit() {
        return new SubmitCaseCommand(CASE_ID, PASSPORT, SubmissionChannel.WEB, SUBMITTED_AT, null, null, applicant(),
                Money.of("120.00", "CAD"));
    }

    static SubmitCaseCommand submitOnPaper(Instant receivedAt, String statedBy) {
        return new SubmitCaseCommand(CASE_ID, PASSPORT, SubmissionChannel.MAIL, SUBMITTED_AT, receivedAt, statedBy, applicant(),
                Money.of("120.00", "CAD"));
    }

    static SubmitCaseCommand submitWith(Applicant applicant) {
        return new SubmitCaseCommand(CASE_ID, PASSPORT, SubmissionChannel.WEB, SUBMITTED_AT, null, null, applicant,
                Money.of("120.00", "CAD"));
    }

    static CaseSubmittedEvent submitted() {
        return submitted(SUBMITTED_AT, DEADLINE, AT_RISK_AT);
    }

    static CaseSubmittedEvent submitted(Instant receivedAt, Instant deadline, Instant atRiskAt) {
        boolean paper = !receivedAt.equals(SUBMITTED_AT);
        return new CaseSubmittedEvent(CASE_ID, PASSPORT, paper ? SubmissionChannel.MAIL : SubmissionChannel.WEB, SUBMITTED_AT,
                receivedAt, paper ? "mailroom-7" : null, applicant(), Money.of("120.00", "CAD"), "10 business days",
                new BigDecimal("0.8"), true, CALENDAR_ID, 1, deadline, atRiskAt, null, null, null, null);
    }

    /** The channel client that submitted case-0, and so owns its follow-ups. */
    static final String EARLIER_OWNER = "web-portal";

    static OpenFollowUpCaseCommand openFollowUp(String requestId) {
        return new OpenFollowUpCaseCommand(requestId, "case-0", "low-satisfaction", PASSPORT, SUBMITTED_AT, applicant(),
                Money.zero("CAD"), EARLIER_OWNER);
    }

    static CaseSubmittedEvent followUpOpened(String requestId) {
        return new CaseSubmittedEvent(CaseIds.forFollowUp(requestId), PASSPORT, SubmissionChannel.FOLLOW_UP, SUBMITTED_AT,
                SUBMITTED_AT, null, applicant(), Money.zero("CAD"), "10 business days", new BigDecimal("0.8"), true, CALENDAR_ID,
                1, DEADLINE, AT_RISK_AT, "case-0", requestId, "low-satisfaction", EARLIER_OWNER);
    }

    static CaseAssignedEvent assigned() {
        return new CaseAssignedEvent(CASE_ID, "agent-smith", ASSIGNED_AT);
    }

    static CaseWorkStartedEvent started() {
        return new CaseWorkStartedEvent(CASE_ID, STARTED_AT);
    }

    /** Submitted, assigned and in progress on Mon 2 Jun. */
    static Object[] inProgress() {
        return new Object[] {submitted(), assigned(), started()};
    }

    /** In progress, then information requested at {@code requestedAt}. */
    static Object[] awaitingInformationSince(Instant requestedAt) {
        return new Object[] {submitted(), assigned(), started(), new InformationRequestedEvent(CASE_ID, "missing-photo", requestedAt)};
    }
}
