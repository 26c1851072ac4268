package org.pledge.cases.sla;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;

/**
 * The service-standard clock of a case (how much of its promised time has run, when it is at risk, when it is due), as
 * pure functions of a {@link ServiceStandardClockSpec}; a {@link ServiceStandardClockReading} explains it at an instant.
 * It is not a {@link java.time.Clock}: the time of day always comes from the injected one. Z is the calendar's zone;
 * dates are local dates in Z; "local midnight" at the start of a date is
 * {@link LocalDate#atStartOfDay(ZoneId)} (01:00 where a DST change skips midnight).
 *
 * <ul>
 *   <li>The clock starts at {@code startedAt}; the receipt date r is its date in Z and is not counted.</li>
 *   <li>Counted days: business days of the calendar version (neither weekend day nor holiday) for
 *       business-day standards; every day for calendar-day standards.</li>
 *   <li>Extension E: for each closed pause P..R, the counted days d with date(P) &le; d &lt; date(R);
 *       pauses add up. For durations: the sum of R &minus; P.</li>
 *   <li>Deadline, N days: local midnight at the end of the (N+E)-th counted day after r.
 *       Duration D: startedAt + D + paused time.</li>
 *   <li>At risk, N days: local midnight at the end of counted day &lfloor;share &times; N&rfloor; + E after r
 *       (the floor is exact, on BigDecimal); when that is day 0 it is the end of the receipt date
 *       itself. Duration D: when the running (unpaused) time reaches &lfloor;share &times; D&rfloor;
 *       (whole nanoseconds).</li>
 *   <li>Lateness of a resolution at or after the deadline: the business days (always business days of
 *       the calendar, whatever the standard counts) from the day after the last counted day through
 *       the resolution date, and at least 1; 0 when resolved before the deadline.</li>
 * </ul>
 * A pause in progress ({@link ServiceStandardClockSpec#pausedSince()}) is ignored by {@link #deadline} and
 * {@link #atRiskAt}: it moves them only once closed. {@link #read} shows a paused clock as if it resumed at
 * the instant read.
 */
public final class ServiceStandardClock {

    private ServiceStandardClock() {
    }

    /** The receipt date: the start instant's date in Z. */
    public static LocalDate receiptDate(ServiceStandardClockSpec spec) {
        return LocalDate.ofInstant(spec.startedAt(), spec.calendar().zone());
    }

    /** Days (or, for durations, 0) added to the standard by the closed pauses. */
    public static long extensionDays(ServiceStandardClockSpec spec) {
        if (!spec.standard().countsDays()) {
            return 0;
        }
        ZoneId zone = spec.calendar().zone();
        Predicate<LocalDate> counted = countedDays(spec);
        long extension = 0;
        for (Pause pause : spec.pauses()) {
            LocalDate end = LocalDate.ofInstant(pause.to(), zone);
            for (LocalDate d = LocalDate.ofInstant(pause.from(), zone); d.isBefore(end); d = d.plusDays(1)) {
                if (counted.test(d)) {
                    extension++;
                }
            }
        }
        return extension;
    }

    /** Total time of the closed pauses. */
    public static Duration pausedTime(ServiceStandardClockSpec spec) {
        return spec.pauses().stream().map(p -> Duration.between(p.from(), p.to())).reduce(Duration.ZERO, Duration::plus);
    }

    /** The last counted day of the extended standard (day standards only). */
    public static LocalDate lastCountedDay(ServiceStandardClockSpec spec) {
        return nthCountedDayAfter(receiptDate(spec), days(spec.standard()) + extensionDays(spec), countedDays(spec));
    }

    /** The deadline under the closed pauses. */
    public static Instant deadline(ServiceStandardClockSpec spec) {
        if (spec.standard() instanceof ServiceStandard.Elapsed elapsed) {
            return spec.startedAt().plus(elapsed.duration()).plus(pausedTime(spec));
        }
        return endOf(lastCountedDay(spec), spec.calendar().zone());
    }

    /** The instant from which the case is at risk, under the closed pauses. Never after the deadline. */
    public static Instant atRiskAt(ServiceStandardClockSpec spec) {
        if (spec.standard() instanceof ServiceStandard.Elapsed elapsed) {
            Instant at = spec.startedAt().plus(share(elapsed.duration(), spec.atRiskShare()));
            for (Pause pause : spec.pauses()) {
                if (pause.from().isBefore(at)) {
                    at = at.plus(Duration.between(pause.from(), pause.to()));
                }
            }
            return at;
        }
        long day = atRiskDay(days(spec.standard()), spec.atRiskShare()) + extensionDays(spec);
        return endOf(nthCountedDayAfter(receiptDate(spec), day, countedDays(spec)), spec.calendar().zone());
    }

    /** &lfloor;share &times; N&rfloor;, computed exactly. */
    public static long atRiskDay(long days, BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(days)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** True when a resolution at {@code resolvedAt} is at or after the deadline. */
    public static boolean isLate(ServiceStandardClockSpec spec, Instant resolvedAt) {
        return !resolvedAt.isBefore(deadline(spec));
    }

    /** Lateness in business days of a resolution at {@code resolvedAt}; 0 when on time. */
    public static int latenessBusinessDays(ServiceStandardClockSpec spec, Instant resolvedAt) {
        return latenessBusinessDays(spec.standard(), spec.calendar(), deadline(spec), resolvedAt);
    }

    /**
     * Lateness against a known deadline (e.g. one frozen when the breach was recorded): the business days
     * d with L &lt; d &le; date(resolvedAt), at least 1, where L is the last counted day (the day before
     * the deadline's date for day standards, the deadline's date for durations); 0 when on time.
     */
    public static int latenessBusinessDays(ServiceStandard standard, BusinessCalendar calendar, Instant deadline, Instant resolvedAt) {
        if (resolvedAt.isBefore(deadline)) {
            return 0;
        }
        ZoneId zone = calendar.zone();
        LocalDate deadlineDate = LocalDate.ofInstant(deadline, zone);
        LocalDate last = standard.countsDays() ? deadlineDate.minusDays(1) : deadlineDate;
        LocalDate resolvedOn = LocalDate.ofInstant(resolvedAt, zone);
        int late = 0;
        for (LocalDate d = last.plusDays(1); !d.isAfter(resolvedOn); d = d.plusDays(1)) {
            if (calendar.isBusinessDay(d)) {
                late++;
            }
        }
        return Math.max(1, late);
    }

    /** Counted days used at {@code at} (day standards; a paused clock as if resumed at {@code at}). */
    public static int businessDaysElapsed(ServiceStandardClockSpec spec, Instant at) {
        requireDays(spec);
        return (int) Math.max(0, days(spec.standard()) - businessDaysRemaining(spec, at));
    }

    /**
     * Counted days left at {@code at}, the current day included while it is a counted day of the standard
     * (day standards; a paused clock as if resumed at {@code at}); 0 from the deadline on.
     */
    public static int businessDaysRemaining(ServiceStandardClockSpec spec, Instant at) {
        requireDays(spec);
        ServiceStandardClockSpec closed = spec.withPauseClosedAt(at);
        if (!at.isBefore(deadline(closed))) {
            return 0;
        }
        LocalDate receipt = receiptDate(closed);
        LocalDate today = LocalDate.ofInstant(at, closed.calendar().zone());
        LocalDate from = today.isAfter(receipt) ? today : receipt.plusDays(1);
        LocalDate last = lastCountedDay(closed);
        Predicate<LocalDate> counted = countedDays(closed);
        int remaining = 0;
        for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
            if (counted.test(d)) {
                remaining++;
            }
        }
        return remaining;
    }

    /** The clock at {@code at}, explained. */
    public static ServiceStandardClockReading read(ServiceStandardClockSpec spec, Instant at) {
        ServiceStandardClockSpec closed = spec.withPauseClosedAt(at);
        Instant deadline = deadline(closed);
        Instant atRisk = atRiskAt(closed);
        ServiceStandardClockReading.ClockStatus status = spec.paused() ? ServiceStandardClockReading.ClockStatus.PAUSED
                : !at.isBefore(deadline) ? ServiceStandardClockReading.ClockStatus.BREACHED
                : !at.isBefore(atRisk) ? ServiceStandardClockReading.ClockStatus.AT_RISK
                : ServiceStandardClockReading.ClockStatus.RUNNING;
        Duration paused = pausedTime(closed);
        Integer elapsedDays = null;
        Integer remainingDays = null;
        Duration runningElapsed = null;
        Duration runningRemaining = null;
        LocalDate last = null;
        if (spec.standard().countsDays()) {
            elapsedDays = businessDaysElapsed(closed, at);
            remainingDays = businessDaysRemaining(closed, at);
            last = lastCountedDay(closed);
        } else {
            Duration total = ((ServiceStandard.Elapsed) spec.standard()).duration();
            Duration running = Duration.between(spec.startedAt(), at).minus(paused);
            runningElapsed = running.isNegative() ? Duration.ZERO : running.compareTo(total) > 0 ? total : running;
            runningRemaining = total.minus(runningElapsed);
        }
        return new ServiceStandardClockReading(at, spec.standard().toString(), spec.calendar().id(), spec.calendar().version(),
                spec.calendar().zone(), spec.startedAt(), receiptDate(spec), extensionDays(closed), paused, last,
                atRisk, deadline, status, elapsedDays, remainingDays, runningElapsed, runningRemaining);
    }

    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate nthCountedDayAfter(LocalDate from, long n, Predicate<LocalDate> counted) {
        LocalDate d = from;
        long found = 0;
        while (found < n) {
            d = d.plusDays(1);
            if (counted.test(d)) {
                found++;
            }
        }
        return d;
    }

    private static Predicate<LocalDate> countedDays(ServiceStandardClockSpec spec) {
        return spec.standard() instanceof ServiceStandard.BusinessDays ? spec.calendar()::isBusinessDay : d -> true;
    }

    private static long days(ServiceStandard standard) {
        if (standard instanceof ServiceStandard.BusinessDays b) {
            return b.days();
        }
        if (standard instanceof ServiceStandard.CalendarDays c) {
            return c.days();
        }
        throw new IllegalArgumentException("not a day standard: " + standard);
    }

    private static void requireDays(ServiceStandardClockSpec spec) {
        if (!spec.standard().countsDays()) {
            throw new IllegalArgumentException("days elapsed and remaining apply to day standards, not " + spec.standard());
        }
    }

    private static Duration share(Duration total, BigDecimal share) {
        BigInteger nanos = new BigDecimal(BigInteger.valueOf(total.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(total.getNano()))).multiply(share).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger[] secondsAndNanos = nanos.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }
}
