package org.pledge.cases.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The state of a case clock at an instant, with everything needed to explain it to a person
 * ("received on 2 June (Toronto time); 10 business days; paused 3 business days; due by 20 June").
 *
 * @param at                  the instant read
 * @param standard            the service standard, in its string form
 * @param calendarId          the business calendar
 * @param calendarVersion     its version used
 * @param zone                the zone Z in which days are counted
 * @param startedAt           the instant the clock started (application received)
 * @param receiptDate         {@code startedAt}'s date in Z (not itself counted)
 * @param extensionDays       days added by pauses (business or calendar days as the standard counts;
 *                            0 for duration standards)
 * @param pausedTime          total paused time (closed pauses, plus the pause in progress up to {@code at})
 * @param lastCountedDay      the last day of the (extended) standard; null for duration standards
 * @param atRiskAt            when the case is (or was) at risk
 * @param deadline            the deadline (for a paused clock: as if it resumed at {@code at})
 * @param status              running, at risk, breached or paused
 * @param daysElapsed         counted days used so far, 0..N; null for duration standards
 * @param daysRemaining       counted days left including the current one, 0..N (can exceed N by the
 *                            days the receipt date adds when a pause starts on it); null for durations
 * @param runningTimeElapsed  for duration standards: running (unpaused) time so far; null otherwise
 * @param runningTimeRemaining for duration standards: time left, never negative; null otherwise
 */
public record ServiceStandardClockReading(Instant at, String standard, String calendarId, int calendarVersion, ZoneId zone,
                           Instant startedAt, LocalDate receiptDate, long extensionDays, Duration pausedTime,
                           LocalDate lastCountedDay, Instant atRiskAt, Instant deadline, ClockStatus status,
                           Integer daysElapsed, Integer daysRemaining,
                           Duration runningTimeElapsed, Duration runningTimeRemaining) {

    /** Where a clock stands at an instant. */
    public enum ClockStatus {
        RUNNING, AT_RISK, BREACHED, PAUSED
    }
}
