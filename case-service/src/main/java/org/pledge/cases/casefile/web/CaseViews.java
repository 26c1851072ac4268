package org.pledge.cases.casefile.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.query.CaseSummary;
import org.pledge.cases.sla.BusinessCalendar;
import org.pledge.cases.sla.BusinessCalendars;
import org.pledge.cases.sla.ServiceStandardClockSpec;
import org.pledge.cases.sla.ServiceStandard;
import org.pledge.cases.sla.ServiceStandardClock;
import org.springframework.stereotype.Component;

/**
 * Turns a stored summary into the API view, reading the clock with {@link ServiceStandardClock} under the case's
 * own calendar version at the injected {@link Clock}'s instant (open cases) or at the closing instant.
 */
@Component
class CaseViews {

    private final BusinessCalendars calendars;
    private final Clock clock;

    CaseViews(BusinessCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    CaseView of(CaseSummary s) {
        Instant at = readAt(s);
        Integer elapsed = null;
        Integer remaining = null;
        String timeRemaining = null;
        int lateness = 0;
        Optional<ServiceStandardClockSpec> spec = spec(s);
        if (spec.isPresent() && at != null && !at.isBefore(s.receivedAt())) {
            ServiceStandardClockSpec c = spec.get();
            if (c.standard().countsDays()) {
                elapsed = ServiceStandardClock.businessDaysElapsed(c, at);
                remaining = s.breached() ? 0 : ServiceStandardClock.businessDaysRemaining(c, at);
            } else {
                var reading = ServiceStandardClock.read(c, at);
                timeRemaining = (s.breached() ? java.time.Duration.ZERO : reading.runningTimeRemaining()).toString();
            }
            if (s.latenessBusinessDays() != null) {
                lateness = s.latenessBusinessDays();
            } else if (s.breached() && s.deadline() != null) {
                lateness = ServiceStandardClock.latenessBusinessDays(c.standard(), c.calendar(), s.deadline(), at);
            }
        }
        CaseView.Resolution resolution = s.resolvedAt() == null ? null
                : new CaseView.Resolution(s.outcome(), s.resolvedAt(), Boolean.TRUE.equals(s.onTime()),
                s.latenessBusinessDays() == null ? 0 : s.latenessBusinessDays());
        CaseView.Withdrawal withdrawal = s.withdrawnAt() == null ? null : new CaseView.Withdrawal(s.withdrawnBy(), s.withdrawnAt());
        String self = "/api/cases/" + s.caseId();
        CaseView.Links links = new CaseView.Links(self, self + "/history", self + "/applicant",
                s.previousCaseId() == null ? null : "/api/cases/" + s.previousCaseId(),
                s.followUpCaseIds().stream().map(id -> "/api/cases/" + id).toList());
        return new CaseView(s.caseId(), s.status(), s.serviceType(), s.channel(), s.applicantReference(), s.assignee(),
                s.submittedAt(), s.receivedAt(), s.serviceStandard(), s.calendarId(), s.calendarVersion(), s.deadline(), s.atRiskAt(), elapsed, remaining, timeRemaining,
                s.pausedSince() != null, s.pauseReason(), s.pausedSince(), s.atRisk(), s.breached(), lateness, resolution,
                withdrawal, links);
    }

    private Instant readAt(CaseSummary s) {
        if (CaseStatus.RESOLVED.name().equals(s.status())) {
            return s.resolvedAt();
        }
        if (CaseStatus.WITHDRAWN.name().equals(s.status())) {
            return s.withdrawnAt();
        }
        return clock.instant();
    }

    /** The case's clock, or empty when its inputs are incomplete (the view then omits the counts rather than failing). */
    private Optional<ServiceStandardClockSpec> spec(CaseSummary s) {
        if (s.serviceStandard() == null || s.calendarId() == null || s.receivedAt() == null) {
            return Optional.empty();
        }
        Optional<BusinessCalendar> calendar = calendars.version(s.calendarId(), s.calendarVersion());
        if (calendar.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ServiceStandardClockSpec(ServiceStandard.parse(s.serviceStandard()), calendar.get(),
                    s.atRiskShare() == null ? null : new java.math.BigDecimal(s.atRiskShare()), s.receivedAt(), s.pauses(),
                    s.pausedSince()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
