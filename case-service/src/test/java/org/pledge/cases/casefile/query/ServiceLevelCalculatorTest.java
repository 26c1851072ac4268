package org.pledge.cases.casefile.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pledge.cases.casefile.query.ServiceLevelReport.Backlog;
import org.pledge.cases.casefile.query.ServiceLevelReport.Figures;
import org.pledge.cases.casefile.query.ServiceLevelReport.ServiceTypeLevels;
import org.pledge.cases.casefile.query.ServiceLevelReport.WeekOnTime;
import org.pledge.cases.sla.BusinessCalendar;

/**
 * The figures on a small, hand-computed data set. Calendar T: Monday to Friday in UTC, holiday Wednesday 2027-03-10.
 * Now: Monday 2027-03-15 12:00Z. Business days from a receipt are counted after the receipt date, up to and including
 * the end date (see each case's comment).
 */
class ServiceLevelCalculatorTest {

    private static final BusinessCalendar T = BusinessCalendar.mondayToFriday("T", 1, ZoneOffset.UTC, Set.of(LocalDate.parse("2027-03-10")));
    private static final Instant NOW = Instant.parse("2027-03-15T12:00:00Z");
    /** Three weeks back: Monday 2027-02-22, so the weeks of 22 February, 1, 8 and 15 March. */
    private static final Instant SINCE = Instant.parse("2027-02-22T12:00:00Z");

    private static ServiceLevelCase resolved(String channel, String received, String resolvedAt, boolean onTime) {
        return new ServiceLevelCase("PASSPORT", channel, false, false, false, Instant.parse(received), Instant.parse(resolvedAt), onTime, "T", 1);
    }

    private static ServiceLevelCase open(String type, String channel, String received, boolean atRisk, boolean breached, String calendar) {
        return new ServiceLevelCase(type, channel, true, atRisk, breached, Instant.parse(received), null, null, calendar, 1);
    }

    private static List<ServiceLevelCase> cases() {
        List<ServiceLevelCase> cases = new ArrayList<>();
        // resolved: business days to resolution
        cases.add(resolved("WEB", "2027-03-01T10:00:00Z", "2027-03-03T10:00:00Z", true));   // Tue, Wed = 2
        cases.add(resolved("WEB", "2027-03-01T10:00:00Z", "2027-03-05T10:00:00Z", true));   // Tue..Fri = 4
        cases.add(resolved("PAPER", "2027-03-05T10:00:00Z", "2027-03-12T10:00:00Z", true)); // Mon 8, Tue 9, (holiday), Thu 11, Fri 12 = 4
        cases.add(resolved("PAPER", "2027-02-01T10:00:00Z", "2027-03-01T10:00:00Z", false)); // Feb 2..26 = 19, Mon 1 Mar = 20
        cases.add(resolved("WEB", "2027-03-08T09:00:00Z", "2027-03-08T15:00:00Z", true));   // same day = 0
        cases.add(resolved("WEB", "2027-03-12T23:00:00Z", "2027-03-15T01:00:00Z", false));  // Mon 15 = 1
        // withdrawn: counts nowhere
        cases.add(new ServiceLevelCase("PASSPORT", "WEB", false, true, true, Instant.parse("2027-01-04T10:00:00Z"), null, null, "T", 1));
        // open: age in business days at NOW
        cases.add(open("PASSPORT", "WEB", "2027-03-15T08:00:00Z", false, false, "T"));   // 0 -> 0-5
        cases.add(open("PASSPORT", "WEB", "2027-03-08T10:00:00Z", false, false, "T"));   // 9, 11, 12, 15 = 4 -> 0-5
        cases.add(open("PASSPORT", "PAPER", "2027-03-05T10:00:00Z", false, false, "T")); // 8, 9, 11, 12, 15 = 5 -> 0-5
        cases.add(open("PASSPORT", "PAPER", "2027-03-04T10:00:00Z", true, false, "T"));  // 6 -> 6-10
        cases.add(open("PASSPORT", "WEB", "2027-03-01T10:00:00Z", false, false, "T"));   // 4 + 4 + 1 = 9 -> 6-10
        cases.add(open("PASSPORT", "WEB", "2027-02-22T10:00:00Z", true, true, "T"));     // 4 + 5 + 4 + 1 = 14 -> 11-20
        cases.add(open("PASSPORT", "PAPER", "2027-02-01T10:00:00Z", true, true, "T"));   // 19 + 5 + 4 + 1 = 29 -> over-20
        // another service type, calendar unknown: Monday to Friday UTC without holidays: Thu 11, Fri 12, Mon 15 = 3
        cases.add(open("DEMO", "WEB", "2027-03-10T10:00:00Z", false, false, "UNKNOWN"));
        return cases;
    }

    private static List<ServiceTypeLevels> compute() {
        return ServiceLevelCalculator.compute(cases(), SINCE, NOW, c -> c.calendarId().equals("T") ? T : null);
    }

    @Test
    void allChannels_ofAServiceType() {
        List<ServiceTypeLevels> levels = compute();
        assertThat(levels).extracting(ServiceTypeLevels::serviceType).containsExactly("DEMO", "PASSPORT");
        // resolved, ascending: 0, 1, 2, 4, 4, 20: median rank ceil(3) = 3 -> 2; p90 rank ceil(5.4) = 6 -> 20; 4 of 6 on time
        // by week of resolution: 1 March (Mon 1 late, Wed 3, Fri 5), 8 March (Mon 8, Fri 12), 15 March (Mon 15 late)
        assertThat(levels.get(1).total()).isEqualTo(new Figures("ALL", 7, 3, 2, 6, 4, "66.7", 2, 20, new Backlog(3, 2, 1, 1),
                weeks("0 0 -", "3 2 66.7", "2 2 100.0", "1 0 0.0")));
    }

    @Test
    void levels_areReported_forEachChannel() {
        ServiceTypeLevels passport = compute().get(1);
        assertThat(passport.byChannel()).containsExactly(
                // 4 and 20: median rank 1 -> 4; p90 rank ceil(1.8) = 2 -> 20; 1 of 2 on time
                new Figures("PAPER", 3, 2, 1, 2, 1, "50.0", 4, 20, new Backlog(1, 1, 0, 1),
                        weeks("0 0 -", "1 0 0.0", "1 1 100.0", "0 0 -")),
                // 0, 1, 2, 4: median rank 2 -> 1; p90 rank ceil(3.6) = 4 -> 4; 3 of 4 on time
                new Figures("WEB", 4, 1, 1, 4, 3, "75.0", 1, 4, new Backlog(2, 1, 1, 0),
                        weeks("0 0 -", "2 2 100.0", "1 1 100.0", "1 0 0.0")));
    }

    @Test
    void unknownCalendar_countsMondayToFridayUtc_andNothingResolved_meansNoPercentNorPercentiles() {
        Figures demo = compute().get(0).total();
        assertThat(demo).isEqualTo(new Figures("ALL", 1, 0, 0, 0, 0, null, null, null, new Backlog(1, 0, 0, 0),
                weeks("0 0 -", "0 0 -", "0 0 -", "0 0 -")));
        assertThat(ServiceLevelCalculator.businessDaysBetween(null, Instant.parse("2027-03-10T10:00:00Z"), NOW)).isEqualTo(3);
        assertThat(ServiceLevelCalculator.businessDaysBetween(T, Instant.parse("2027-03-10T10:00:00Z"), NOW)).isEqualTo(3);
        assertThat(ServiceLevelCalculator.businessDaysBetween(T, Instant.parse("2027-03-09T10:00:00Z"), NOW)).isEqualTo(3); // 10th is a holiday
    }

    @Test
    void backlog_splitsAfterFiveTenAndTwentyBusinessDays() {
        // from Monday 2027-03-15: ages counted back; holiday 10 March
        List<ServiceLevelCase> cases = List.of(
                open("X", "WEB", "2027-03-05T10:00:00Z", false, false, "T"),  // 5
                open("X", "WEB", "2027-03-04T10:00:00Z", false, false, "T"),  // 6
                open("X", "WEB", "2027-02-26T10:00:00Z", false, false, "T"),  // 10
                open("X", "WEB", "2027-02-25T10:00:00Z", false, false, "T"),  // 11
                open("X", "WEB", "2027-02-12T10:00:00Z", false, false, "T"),  // 20
                open("X", "WEB", "2027-02-11T10:00:00Z", false, false, "T")); // 21
        assertThat(cases).extracting(c -> ServiceLevelCalculator.businessDaysBetween(T, c.receivedAt(), NOW))
                .containsExactly(5, 6, 10, 11, 20, 21);
        assertThat(ServiceLevelCalculator.compute(cases, SINCE, NOW, c -> T).get(0).total().backlogByAge()).isEqualTo(new Backlog(1, 2, 2, 1));
    }

    @Test
    void onTimeByWeek_groupsResolutionsByTheWeekOfTheirDateInTheCalendarZone() {
        // Sunday 2027-03-07 23:30 in Toronto is Monday 04:30 UTC: the week of 1 March there, of 8 March in UTC
        BusinessCalendar toronto = BusinessCalendar.mondayToFriday("TOR", 1, java.time.ZoneId.of("America/Toronto"), Set.of());
        ServiceLevelCase lateSunday = resolved("WEB", "2027-03-01T15:00:00Z", "2027-03-08T04:30:00Z", true);
        assertThat(ServiceLevelCalculator.compute(List.of(lateSunday), SINCE, NOW, c -> toronto).get(0).total().onTimeByWeek())
                .isEqualTo(weeks("0 0 -", "1 1 100.0", "0 0 -", "0 0 -"));
        assertThat(ServiceLevelCalculator.compute(List.of(lateSunday), SINCE, NOW, c -> T).get(0).total().onTimeByWeek())
                .isEqualTo(weeks("0 0 -", "0 0 -", "1 1 100.0", "0 0 -"));
        // a service type without cases: every week, empty
        assertThat(ServiceLevelCalculator.none("X", SINCE, NOW, ZoneOffset.UTC).total().onTimeByWeek()).hasSize(4)
                .allSatisfy(week -> assertThat(week.onTimePercent()).isNull());
        assertThat(ServiceLevelCalculator.weekOf(Instant.parse("2027-03-14T23:59:59Z"), ZoneOffset.UTC)).isEqualTo(LocalDate.parse("2027-03-08"));
        assertThat(ServiceLevelCalculator.percent(2, 3)).isEqualTo("66.7");
        assertThat(ServiceLevelCalculator.percent(0, 0)).isNull();
    }

    @Test
    void none_weeksInTheGivenZone_asTheTypesCasesWouldBe() {
        // Monday 2027-03-15 03:00 UTC is still Sunday the 14th in Toronto: three weeks there, four in UTC
        Instant mondayInUtc = Instant.parse("2027-03-15T03:00:00Z");
        assertThat(ServiceLevelCalculator.none("X", SINCE, mondayInUtc, java.time.ZoneId.of("America/Toronto")).total().onTimeByWeek())
                .isEqualTo(weeks("0 0 -", "0 0 -", "0 0 -"));
        assertThat(ServiceLevelCalculator.none("X", SINCE, mondayInUtc, ZoneOffset.UTC).total().onTimeByWeek())
                .isEqualTo(weeks("0 0 -", "0 0 -", "0 0 -", "0 0 -"));
    }

    /** Weeks from 22 February 2027, each "resolved onTime percent" ("-": none). */
    private static List<WeekOnTime> weeks(String... spec) {
        List<WeekOnTime> weeks = new ArrayList<>();
        LocalDate monday = LocalDate.parse("2027-02-22");
        for (String week : spec) {
            String[] f = week.split(" ");
            weeks.add(new WeekOnTime(monday, Long.parseLong(f[0]), Long.parseLong(f[1]), f[2].equals("-") ? null : f[2]));
            monday = monday.plusWeeks(1);
        }
        return weeks;
    }

    @Test
    void percentile_isTheNearestRank() {
        assertThat(ServiceLevelCalculator.percentile(List.of(7), 50)).isEqualTo(7);
        assertThat(ServiceLevelCalculator.percentile(List.of(7), 90)).isEqualTo(7);
        assertThat(ServiceLevelCalculator.percentile(List.of(1, 2, 3), 50)).isEqualTo(2);
        List<Integer> ten = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(ServiceLevelCalculator.percentile(ten, 50)).isEqualTo(5);
        assertThat(ServiceLevelCalculator.percentile(ten, 90)).isEqualTo(9);
        List<Integer> eleven = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(ServiceLevelCalculator.percentile(eleven, 90)).isEqualTo(10); // ceil(9.9) = 10
        assertThat(ServiceLevelCalculator.percentile(List.of(), 50)).isNull();
    }
}
