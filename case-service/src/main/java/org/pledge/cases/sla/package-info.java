/**
 * Service standards, business calendars and the service-standard clock (pure functions, no framework).
 *
 * <h2>Service standards</h2>
 * {@link org.pledge.cases.sla.ServiceStandard}: N business days, N calendar days or an ISO-8601 duration; string form
 * {@code "10 business days"}, {@code "30 calendar days"}, {@code "PT2M"} (see its Javadoc). Events store the string form.
 *
 * <h2>Business calendars</h2>
 * {@link org.pledge.cases.sla.BusinessCalendar}: id, version, zone, weekend days, dated holidays. Versions are immutable;
 * changing holidays publishes a new version; each case records the version its deadline used and adopts a newer one
 * only through {@code RecalculateDeadlineCommand} (open cases only).
 *
 * <h2>The clock</h2>
 * {@link org.pledge.cases.sla.ServiceStandardClock} over a {@link org.pledge.cases.sla.ServiceStandardClockSpec}:
 * {@code deadline}, {@code atRiskAt}, {@code latenessBusinessDays}, {@code businessDaysElapsed},
 * {@code businessDaysRemaining}, {@code read} (a {@link org.pledge.cases.sla.ServiceStandardClockReading} for explanations).
 * Decisions beyond the text:
 * <ul>
 *   <li>At-risk day = &lfloor;share &times; N&rfloor; computed exactly on {@code BigDecimal} (0.8 &times; 7 = 5.6 &rarr; 5).
 *       When it is 0 (e.g. N = 1) "the end of business day 0" is local midnight at the end of the receipt date
 *       itself, even if that date is not a business day: day 0 is the receipt date in the same counting in which
 *       day N ends at the deadline.</li>
 *   <li>Day standards: at risk uses the same extension E as the deadline (all closed pauses), as the issue says
 *       "same counting, same extensions"; durations use running time, so only pauses that start before the at-risk
 *       point move it. The difference only shows for a pause that starts after the at-risk point, when the case
 *       has already been marked (once per clock).</li>
 *   <li>Lateness is counted in business days of the calendar for every kind of standard; for durations it starts
 *       the day after the deadline's date.</li>
 *   <li>A pause whose start falls on the receipt date extends by that date if it is a business day, although the
 *       receipt date itself is not counted: this is the rule read literally (date(P) &le; d &lt; date(R)).</li>
 *   <li>A pause in progress does not move {@code deadline}/{@code atRiskAt} until it is closed; {@code read} shows
 *       a paused clock as if it resumed at the instant read.</li>
 * </ul>
 */
package org.pledge.cases.sla;
