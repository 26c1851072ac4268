package org.pledge.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the clock over random start instants (2019-2031, half of them shortly before a DST
 * transition of their zone), DST zones (Santiago and Havana have days without a midnight), weekends
 * (including Friday-Saturday, Sunday only and none), holidays, pauses (across weekends and holidays) and
 * standards. Tries are kept moderate so that the suite stays fast.
 */
class ServiceStandardClockPropertiesTest {

    private static final int TRIES = 300;
    private static final List<String> ZONES = List.of("America/Toronto", "Europe/Paris", "Australia/Sydney",
            "America/Santiago", "Pacific/Auckland", "America/Havana", "Asia/Riyadh", "UTC");
    private static final Instant FROM = Instant.parse("2019-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2031-01-01T00:00:00Z");

    /** A random clock: a day or duration standard with up to three closed pauses. */
    record Scenario(ServiceStandardClockSpec spec) {
    }

    @Property(tries = TRIES)
    void deadline_isAfterTheStart_andAtRiskLiesBetween(@ForAll("anyClock") Scenario scenario) {
        ServiceStandardClockSpec spec = scenario.spec();
        Instant deadline = ServiceStandardClock.deadline(spec);
        Instant atRisk = ServiceStandardClock.atRiskAt(spec);

        assertThat(deadline).isAfter(spec.startedAt());
        assertThat(atRisk).isAfter(spec.startedAt()).isBeforeOrEqualTo(deadline);
    }

    @Property(tries = TRIES)
    void dayDeadlines_fallAtLocalMidnight_evenWhereMidnightIsSkipped(@ForAll("dayClock") Scenario scenario) {
        ServiceStandardClockSpec spec = scenario.spec();
        ZoneId zone = spec.calendar().zone();

        assertThat(ServiceStandardClock.deadline(spec)).satisfies(d -> assertThat(d).isEqualTo(startOfItsDay(d, zone)));
        assertThat(ServiceStandardClock.atRiskAt(spec)).satisfies(d -> assertThat(d).isEqualTo(startOfItsDay(d, zone)));
    }

    @Property(tries = TRIES)
    void dayDeadline_endsTheNPlusExtensionthCountedDay(@ForAll("dayClock") Scenario scenario) {
        ServiceStandardClockSpec spec = scenario.spec();
        ZoneId zone = spec.calendar().zone();
        Predicate<LocalDate> counted = spec.standard() instanceof ServiceStandard.BusinessDays
                ? spec.calendar()::isBusinessDay : d -> true;
        LocalDate receipt = LocalDate.ofInstant(spec.startedAt(), zone);
        LocalDate deadlineDate = LocalDate.ofInstant(ServiceStandardClock.deadline(spec), zone);

        long countedBetween = receipt.plusDays(1).datesUntil(deadlineDate).filter(counted).count();

        assertThat(counted.test(deadlineDate.minusDays(1))).isTrue();
        assertThat(countedBetween).isEqualTo(days(spec.standard()) + ServiceStandardClock.extensionDays(spec));
    }

    @Property(tries = TRIES)
    void deadline_growsWithN(@ForAll("dayClock") Scenario scenario) {
        ServiceStandardClockSpec spec = scenario.spec();
        ServiceStandardClockSpec longer = new ServiceStandardClockSpec(plusOneDay(spec.standard()), spec.calendar(), spec.atRiskShare(), spec.startedAt(),
                spec.pauses(), null);

        assertThat(ServiceStandardClock.deadline(longer)).isAfter(ServiceStandardClock.deadline(spec));
        assertThat(ServiceStandardClock.atRiskAt(longer)).isAfterOrEqualTo(ServiceStandardClock.atRiskAt(spec));
    }

    @Property(tries = TRIES)
    void deadline_neverMovesEarlier_whenAPauseIsLonger(@ForAll("anyClock") Scenario scenario,
                                                       @ForAll @IntRange(min = 1, max = 20 * 24 * 60) int extraMinutes) {
        ServiceStandardClockSpec spec = scenario.spec();
        ServiceStandardClockSpec unpaused = new ServiceStandardClockSpec(spec.standard(), spec.calendar(), spec.atRiskShare(), spec.startedAt(), List.of(), null);
        List<Pause> lengthened = new ArrayList<>(spec.pauses());
        if (!lengthened.isEmpty()) {
            Pause last = lengthened.remove(lengthened.size() - 1);
            lengthened.add(new Pause(last.from(), last.to().plus(Duration.ofMinutes(extraMinutes))));
        }
        ServiceStandardClockSpec longer = new ServiceStandardClockSpec(spec.standard(), spec.calendar(), spec.atRiskShare(), spec.startedAt(), lengthened, null);

        assertThat(ServiceStandardClock.deadline(spec)).isAfterOrEqualTo(ServiceStandardClock.deadline(unpaused));
        assertThat(ServiceStandardClock.deadline(longer)).isAfterOrEqualTo(ServiceStandardClock.deadline(spec));
        assertThat(ServiceStandardClock.atRiskAt(longer)).isAfterOrEqualTo(ServiceStandardClock.atRiskAt(spec));
    }

    @Property(tries = TRIES)
    void durationDeadline_isStartPlusDurationPlusPausedTime(@ForAll("durationClock") Scenario scenario) {
        ServiceStandardClockSpec spec = scenario.spec();
        Duration standard = ((ServiceStandard.Elapsed) spec.standard()).duration();

        assertThat(Duration.between(spec.startedAt(), ServiceStandardClock.deadline(spec)))
                .isEqualTo(standard.plus(ServiceStandardClock.pausedTime(spec)));
    }

    @Property(tries = TRIES)
    void lateness_isZeroBeforeTheDeadline_atLeastOneFromIt_andGrowsWithTheResolution(
            @ForAll("anyClock") Scenario scenario,
            @ForAll @IntRange(min = -10 * 24 * 60, max = 40 * 24 * 60) int minutesFromDeadline,
            @ForAll @IntRange(min = 0, max = 10 * 24 * 60) int laterBy) {
        ServiceStandardClockSpec spec = scenario.spec();
        Instant deadline = ServiceStandardClock.deadline(spec);
        Instant resolved = deadline.plus(Duration.ofMinutes(minutesFromDeadline));
        int lateness = ServiceStandardClock.latenessBusinessDays(spec, resolved);

        if (resolved.isBefore(deadline)) {
            assertThat(lateness).isZero();
        } else {
            assertThat(lateness).isGreaterThanOrEqualTo(1);
        }
        assertThat(ServiceStandardClock.latenessBusinessDays(spec, resolved.plus(Duration.ofMinutes(laterBy))))
                .isGreaterThanOrEqualTo(lateness);
    }

    @Property(tries = TRIES)
    void daysElapsedAndRemaining_addUpToN_andRunFromNToZero(@ForAll("unpausedDayClock") Scenario scenario,
                                                            @ForAll @IntRange(min = 0, max = 1000) int permille) {
        ServiceStandardClockSpec spec = scenario.spec();
        Instant deadline = ServiceStandardClock.deadline(spec);
        long span = Duration.between(spec.startedAt(), deadline).toMinutes();
        Instant at = spec.startedAt().plus(Duration.ofMinutes(span * permille / 1000));
        long n = days(spec.standard());

        assertThat(ServiceStandardClock.businessDaysRemaining(spec, spec.startedAt())).isEqualTo(n);
        assertThat(ServiceStandardClock.businessDaysRemaining(spec, deadline)).isZero();
        assertThat(ServiceStandardClock.businessDaysElapsed(spec, at) + ServiceStandardClock.businessDaysRemaining(spec, at))
                .isEqualTo(n);
    }

    @Property(tries = 200)
    void serviceStandard_stringFormRoundTrips(@ForAll("standards") ServiceStandard standard) {
        assertThat(ServiceStandard.parse(standard.toString())).isEqualTo(standard);
        assertThat(ServiceStandard.parse("  " + standard.toString().toUpperCase() + " ")).isEqualTo(standard);
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<Scenario> anyClock() {
        return Arbitraries.oneOf(dayClock(), durationClock());
    }

    @Provide
    Arbitrary<Scenario> dayClock() {
        return clocks(dayStandards(), true);
    }

    @Provide
    Arbitrary<Scenario> unpausedDayClock() {
        return clocks(dayStandards(), false);
    }

    @Provide
    Arbitrary<Scenario> durationClock() {
        return clocks(Arbitraries.longs().between(60, 90L * 24 * 3600).map(s -> ServiceStandard.elapsed(Duration.ofSeconds(s))), true);
    }

    @Provide
    Arbitrary<ServiceStandard> standards() {
        return Arbitraries.oneOf(dayStandards(),
                Arbitraries.longs().between(1, 400L * 24 * 3600).map(s -> ServiceStandard.elapsed(Duration.ofSeconds(s))));
    }

    private static Arbitrary<ServiceStandard> dayStandards() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 60).map(ServiceStandard::businessDays),
                Arbitraries.integers().between(1, 90).map(ServiceStandard::calendarDays));
    }

    private static Arbitrary<Scenario> clocks(Arbitrary<ServiceStandard> standards, boolean withPauses) {
        Arbitrary<Instant> starts = Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
        Arbitrary<Set<DayOfWeek>> weekends = Arbitraries.of(
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                EnumSet.of(DayOfWeek.SUNDAY), EnumSet.noneOf(DayOfWeek.class));
        Arbitrary<List<Integer>> holidayOffsets = Arbitraries.integers().between(-5, 150).list().ofMaxSize(25);
        // each pause: minutes after the previous end (or the start), then its length; up to 3 pauses
        Arbitrary<List<int[]>> pauses = withPauses
                ? Combinators.combine(Arbitraries.integers().between(0, 20 * 24 * 60), Arbitraries.integers().between(0, 15 * 24 * 60))
                        .as((gap, length) -> new int[] {gap, length}).list().ofMaxSize(3)
                : Arbitraries.just(List.of());
        Arbitrary<BigDecimal> shares = Arbitraries.integers().between(1, 100).map(p -> BigDecimal.valueOf(p, 2));
        // half of the clocks start up to 40 days before one of the zone's DST transitions (-1: anywhere)
        Arbitrary<Integer> minutesBeforeTransition = Arbitraries.oneOf(Arbitraries.just(-1),
                Arbitraries.integers().between(0, 40 * 24 * 60));
        return Combinators.combine(standards, Arbitraries.of(ZONES), starts, weekends, holidayOffsets, pauses, shares,
                        minutesBeforeTransition)
                .as((standard, zone, anyStart, weekend, offsets, gaps, share, beforeTransition) -> {
                    ZoneId z = ZoneId.of(zone);
                    ZoneOffsetTransition transition = z.getRules().nextTransition(anyStart);
                    Instant start = beforeTransition < 0 || transition == null ? anyStart
                            : transition.getInstant().minus(Duration.ofMinutes(beforeTransition));
                    LocalDate receipt = LocalDate.ofInstant(start, z);
                    Set<LocalDate> holidays = new TreeSet<>();
                    offsets.forEach(o -> holidays.add(receipt.plusDays(o)));
                    List<Pause> closed = new ArrayList<>();
                    Instant cursor = start;
                    for (int[] gapAndLength : gaps) {
                        Instant from = cursor.plus(Duration.ofMinutes(gapAndLength[0]));
                        cursor = from.plus(Duration.ofMinutes(gapAndLength[1]));
                        closed.add(new Pause(from, cursor));
                    }
                    BusinessCalendar calendar = BusinessCalendar.of("random", 1, z, weekend, holidays);
                    return new Scenario(new ServiceStandardClockSpec(standard, calendar, share, start, closed, null));
                });
    }

    private static Instant startOfItsDay(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone).atStartOfDay(zone).toInstant();
    }

    private static long days(ServiceStandard standard) {
        return standard instanceof ServiceStandard.BusinessDays b ? b.days() : ((ServiceStandard.CalendarDays) standard).days();
    }

    private static ServiceStandard plusOneDay(ServiceStandard standard) {
        return standard instanceof ServiceStandard.BusinessDays b ? ServiceStandard.businessDays(b.days() + 1)
                : ServiceStandard.calendarDays(((ServiceStandard.CalendarDays) standard).days() + 1);
    }
}
