package org.pledge.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deadlines and at-risk instants computed by hand, one row per case, in several zones. Each row says how
 * the days were counted. Receipt date r = the start instant's local date (not counted); the deadline is
 * local midnight at the end of the (N+E)-th counted day; at risk at the end of day floor(0.8 N)+E.
 */
class ServiceStandardClockTableTest {

    private static final Set<DayOfWeek> SAT_SUN = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final Set<DayOfWeek> FRI_SAT = EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    record Row(String why, String zone, Set<DayOfWeek> weekend, String holidays, String standard, String startedAt,
               List<Pause> pauses, String deadline, String atRiskAt) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // r = Fri 7 Mar (15:00 EST). Mon 10, Tue 11, Wed 12, Thu 13, Fri 14 = 5 -> Sat 15 Mar 00:00, EDT (-4) since 9 Mar.
                // at risk: floor(4.0) = 4 -> end of Thu 13 -> Fri 14 00:00 EDT.
                new Row("Toronto, 5 business days across the DST start", "America/Toronto", SAT_SUN, "", "5 business days",
                        "2025-03-07T20:00:00Z", List.of(), "2025-03-15T04:00:00Z", "2025-03-14T04:00:00Z"),
                // r = Fri 24 Oct (12:00 CEST). Mon 27, Tue 28, Wed 29 = 3 -> Thu 30 Oct 00:00 CET (+1), DST ended 26 Oct.
                // at risk: floor(2.4) = 2 -> end of Tue 28 -> Wed 29 00:00 CET.
                new Row("Paris, 3 business days across the DST end", "Europe/Paris", SAT_SUN, "", "3 business days",
                        "2025-10-24T10:00:00Z", List.of(), "2025-10-29T23:00:00Z", "2025-10-28T23:00:00Z"),
                // r = Wed 30 Apr. Thu 1 May holiday, Fri 2 = 1, Sat/Sun, Mon 5 = 2 -> Tue 6 May 00:00 CEST (+2).
                // at risk: floor(1.6) = 1 -> end of Fri 2 -> Sat 3 May 00:00 CEST.
                new Row("Paris, 2 business days over the 1 May holiday", "Europe/Paris", SAT_SUN, "2025-05-01,2025-05-08",
                        "2 business days", "2025-04-30T08:00:00Z", List.of(), "2025-05-05T22:00:00Z", "2025-05-02T22:00:00Z"),
                // r = Wed 3 Sep (12:00 -04). Thu 4, Fri 5, Sat 6 = 3 -> Sun 7 Sep, whose midnight does not exist in Santiago:
                // the day starts at 01:00 -03 = 04:00Z. at risk: floor(2.4) = 2 -> end of Fri 5 -> Sat 6 00:00 -04.
                new Row("Santiago, 3 calendar days ending on the day without a midnight", "America/Santiago", SAT_SUN, "",
                        "3 calendar days", "2025-09-03T16:00:00Z", List.of(), "2025-09-07T04:00:00Z", "2025-09-06T04:00:00Z"),
                // r = Fri 7 Mar (12:00 CST -5). Sat 8 = 1 -> Sun 9 Mar, which in Havana starts at 01:00 CDT (-4) = 05:00Z.
                // at risk: floor(0.8) = 0 -> end of the receipt date -> Sat 8 00:00 CST = 05:00Z.
                new Row("Havana, 1 calendar day ending on the day without a midnight", "America/Havana", SAT_SUN, "",
                        "1 calendar day", "2025-03-07T17:00:00Z", List.of(), "2025-03-09T05:00:00Z", "2025-03-08T05:00:00Z"),
                // r = Thu 2 Oct (09:00 AEST). Fri 3 = 1, Sat/Sun, Mon 6 Labour Day holiday, Tue 7 = 2 -> Wed 8 Oct 00:00 AEDT (+11).
                // at risk: floor(1.6) = 1 -> end of Fri 3 -> Sat 4 Oct 00:00 AEST (+10; DST starts Sun 5).
                new Row("Sydney, 2 business days over a holiday and the DST start", "Australia/Sydney", SAT_SUN, "2025-10-06",
                        "2 business days", "2025-10-01T23:00:00Z", List.of(), "2025-10-07T13:00:00Z", "2025-10-03T14:00:00Z"),
                // duration: 01:59 NZST, a minute before the clocks jump to 03:00 NZDT: exactly 2 minutes of elapsed time.
                // at risk: 0.8 x 120 s = 96 s.
                new Row("Auckland, PT2M across the DST jump", "Pacific/Auckland", SAT_SUN, "", "PT2M",
                        "2025-09-27T13:59:00Z", List.of(), "2025-09-27T14:01:00Z", "2025-09-27T14:00:36Z"),
                // r = Mon 2 Jun (10:00 EDT). Pause Thu 5 15:00 -> Tue 10 09:00 EDT: business days in [Thu 5, Tue 10) = Thu 5,
                // Fri 6, Mon 9 = 3. N+E = 13: Tue 3 .. Fri 6 (4), Mon 9 .. Fri 13 (9), Mon 16 .. Thu 19 (13) -> Fri 20 Jun 00:00 EDT.
                // at risk: 8 + 3 = 11 -> Tue 17 -> Wed 18 Jun 00:00 EDT.
                new Row("Toronto, 10 business days with a pause over a weekend", "America/Toronto", SAT_SUN, "2025-07-01",
                        "10 business days", "2025-06-02T14:00:00Z",
                        List.of(pause("2025-06-05T19:00:00Z", "2025-06-10T13:00:00Z")), "2025-06-20T04:00:00Z", "2025-06-18T04:00:00Z"),
                // r = Tue 30 Sep (09:00 AEST). Pause Fri 3 Oct 10:00 AEST -> Tue 7 Oct 10:00 AEDT: [Fri 3, Tue 7) holds Fri 3
                // (business), Sat 4, Sun 5 (weekend), Mon 6 (holiday) -> E = 1. N+E = 6: Wed 1, Thu 2, Fri 3, Tue 7, Wed 8, Thu 9
                // -> Fri 10 Oct 00:00 AEDT. at risk: floor(4.0) + 1 = 5 -> Wed 8 -> Thu 9 Oct 00:00 AEDT.
                new Row("Sydney, a pause over a weekend and a holiday adds only the one business day", "Australia/Sydney", SAT_SUN,
                        "2025-10-06", "5 business days", "2025-09-29T23:00:00Z",
                        List.of(pause("2025-10-03T00:00:00Z", "2025-10-06T23:00:00Z")), "2025-10-09T13:00:00Z", "2025-10-08T13:00:00Z"),
                // duration 48 h + 2 h paused = 50 h after 28 Mar 10:00Z -> 30 Mar 12:00Z (Paris DST start on 30 Mar is irrelevant).
                // at risk: 0.8 x 48 h = 38 h 24 min -> 30 Mar 00:24Z; the pause (29 Mar 10:00Z) starts before that -> + 2 h.
                new Row("Paris, PT48H with a two-hour pause", "Europe/Paris", SAT_SUN, "", "PT48H", "2025-03-28T10:00:00Z",
                        List.of(pause("2025-03-29T10:00:00Z", "2025-03-29T12:00:00Z")), "2025-03-30T12:00:00Z", "2025-03-30T02:24:00Z"),
                // r = Sat 14 Jun (12:00 CEST), not a business day and not counted anyway. Mon 16 = 1 -> Tue 17 00:00 CEST.
                // at risk: floor(0.8) = 0 -> end of the receipt date -> Sun 15 00:00 CEST.
                new Row("Paris, received on a Saturday, 1 business day", "Europe/Paris", SAT_SUN, "", "1 business day",
                        "2025-06-14T10:00:00Z", List.of(), "2025-06-16T22:00:00Z", "2025-06-14T22:00:00Z"),
                // 04:59Z is still Sun 5 Jan 23:59 EST: r = Sunday (not Monday, as in UTC). Mon 6 = 1 -> Tue 7 00:00 EST (-5).
                // at risk: 0 -> end of Sun 5 -> Mon 6 00:00 EST.
                new Row("Toronto, receipt date is the local date, not the UTC date", "America/Toronto", SAT_SUN, "",
                        "1 business day", "2025-01-06T04:59:00Z", List.of(), "2025-01-07T05:00:00Z", "2025-01-06T05:00:00Z"),
                // Friday-Saturday weekend, +03 all year. r = Thu 5 Jun. Fri 6, Sat 7 weekend; Sun 8, Mon 9, Tue 10 = 3
                // -> Wed 11 00:00 +03. at risk: floor(2.4) = 2 -> end of Mon 9 -> Tue 10 00:00 +03.
                new Row("Riyadh, Friday-Saturday weekend", "Asia/Riyadh", FRI_SAT, "", "3 business days",
                        "2025-06-05T12:00:00Z", List.of(), "2025-06-10T21:00:00Z", "2025-06-09T21:00:00Z"),
                // r = Wed 10 Sep (12:00 NZST). 30 calendar days: 11..30 Sep (20), 1..10 Oct (30) -> Sat 11 Oct 00:00 NZDT (+13).
                // at risk: floor(24.0) = 24 -> Sat 4 Oct -> Sun 5 Oct 00:00 NZDT.
                new Row("Auckland, 30 calendar days across the DST start", "Pacific/Auckland", SAT_SUN, "", "30 calendar days",
                        "2025-09-10T00:00:00Z", List.of(), "2025-10-10T11:00:00Z", "2025-10-04T11:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void deadlineAndAtRisk_matchTheHandComputedInstants(Row row) {
        ServiceStandardClockSpec spec = spec(row);

        assertThat(ServiceStandardClock.deadline(spec)).isEqualTo(Instant.parse(row.deadline()));
        assertThat(ServiceStandardClock.atRiskAt(spec)).isEqualTo(Instant.parse(row.atRiskAt()));
    }

    @Test
    void lateness_countsBusinessDaysAfterTheLastDayThroughTheResolutionDate_andIsAtLeastOne() {
        // Toronto, 5 business days from Fri 7 Mar: last counted day Fri 14, deadline Sat 15 Mar 00:00 EDT (04:00Z).
        ServiceStandardClockSpec spec = spec(rows().findFirst().orElseThrow());

        // Fri 14 16:00 EDT: before the deadline -> on time.
        assertThat(ServiceStandardClock.latenessBusinessDays(spec, Instant.parse("2025-03-14T20:00:00Z"))).isZero();
        // exactly at the deadline (Sat 15 00:00): no business day in (Fri 14, Sat 15] -> at least 1.
        assertThat(ServiceStandardClock.latenessBusinessDays(spec, Instant.parse("2025-03-15T04:00:00Z"))).isEqualTo(1);
        // Mon 17 10:00 EDT: Sat, Sun not counted, Mon 17 -> 1.
        assertThat(ServiceStandardClock.latenessBusinessDays(spec, Instant.parse("2025-03-17T14:00:00Z"))).isEqualTo(1);
        // Wed 19 19:30 EDT: Mon 17, Tue 18, Wed 19 -> 3.
        assertThat(ServiceStandardClock.latenessBusinessDays(spec, Instant.parse("2025-03-19T23:30:00Z"))).isEqualTo(3);
        // Wed 19 23:59 EDT is already Thu 20 in UTC: still Wednesday locally -> 3.
        assertThat(ServiceStandardClock.latenessBusinessDays(spec, Instant.parse("2025-03-20T03:59:00Z"))).isEqualTo(3);
    }

    @Test
    void daysElapsedAndRemaining_countTheStandardsDays() {
        // Toronto, 10 business days from Mon 2 Jun 10:00 EDT, no pause: last counted day Mon 16, deadline Tue 17 04:00Z.
        ServiceStandardClockSpec spec = ServiceStandardClockSpec.of(ServiceStandard.businessDays(10), calendar("America/Toronto", SAT_SUN, ""),
                new BigDecimal("0.8"), Instant.parse("2025-06-02T14:00:00Z"));

        // at receipt: nothing used, Tue 3 .. Mon 16 = 10 left.
        assertThat(ServiceStandardClock.businessDaysRemaining(spec, spec.startedAt())).isEqualTo(10);
        assertThat(ServiceStandardClock.businessDaysElapsed(spec, spec.startedAt())).isZero();
        // Fri 6 12:00 EDT: Tue, Wed, Thu used (3); Fri 6, Mon 9 .. Fri 13, Mon 16 left (7).
        Instant friday = Instant.parse("2025-06-06T16:00:00Z");
        assertThat(ServiceStandardClock.businessDaysElapsed(spec, friday)).isEqualTo(3);
        assertThat(ServiceStandardClock.businessDaysRemaining(spec, friday)).isEqualTo(7);
        // at the deadline: all used.
        Instant deadline = Instant.parse("2025-06-17T04:00:00Z");
        assertThat(ServiceStandardClock.businessDaysRemaining(spec, deadline)).isZero();
        assertThat(ServiceStandardClock.businessDaysElapsed(spec, deadline)).isEqualTo(10);
    }

    @Test
    void read_explainsAPausedClockAsIfItResumedNow() {
        // Same clock, paused since Thu 5 Jun 15:00 EDT; read on Tue 10 Jun 09:00 EDT: as the table row above, E = 3.
        ServiceStandardClockSpec spec = new ServiceStandardClockSpec(ServiceStandard.businessDays(10), calendar("America/Toronto", SAT_SUN, ""),
                new BigDecimal("0.8"), Instant.parse("2025-06-02T14:00:00Z"), List.of(), Instant.parse("2025-06-05T19:00:00Z"));

        ServiceStandardClockReading reading = ServiceStandardClock.read(spec, Instant.parse("2025-06-10T13:00:00Z"));

        assertThat(reading.status()).isEqualTo(ServiceStandardClockReading.ClockStatus.PAUSED);
        assertThat(reading.receiptDate()).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(reading.extensionDays()).isEqualTo(3);
        assertThat(reading.lastCountedDay()).isEqualTo(LocalDate.of(2025, 6, 19));
        assertThat(reading.deadline()).isEqualTo(Instant.parse("2025-06-20T04:00:00Z"));
        // used: Tue 3, Wed 4 (Thu 5, Fri 6, Mon 9 paused); left: Tue 10 .. Fri 13, Mon 16 .. Thu 19 = 8.
        assertThat(reading.daysRemaining()).isEqualTo(8);
        assertThat(reading.daysElapsed()).isEqualTo(2);
        // and the unpaused deadline is still the original one until the pause is closed
        assertThat(ServiceStandardClock.deadline(spec)).isEqualTo(Instant.parse("2025-06-17T04:00:00Z"));
    }

    private static ServiceStandardClockSpec spec(Row row) {
        return new ServiceStandardClockSpec(ServiceStandard.parse(row.standard()), calendar(row.zone(), row.weekend(), row.holidays()),
                new BigDecimal("0.8"), Instant.parse(row.startedAt()), row.pauses(), null);
    }

    private static BusinessCalendar calendar(String zone, Set<DayOfWeek> weekend, String holidays) {
        Set<LocalDate> dates = holidays.isEmpty() ? Set.of()
                : Arrays.stream(holidays.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
        return BusinessCalendar.of("test", 1, ZoneId.of(zone), weekend, dates);
    }

    private static Pause pause(String from, String to) {
        return new Pause(Instant.parse(from), Instant.parse(to));
    }
}
