package org.pledge.cases.casefile.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.pledge.cases.sla.BusinessCalendar;

/**
 * The service-level figures, as pure functions of the cases, "now" and the business calendars (no I/O, so both
 * MongoDB backends give the same answer by construction).
 *
 * <ul>
 *   <li>Business days between a receipt instant r and an instant t: the business days d of the case's calendar version
 *       with date(r) &lt; d &le; date(t), dates in the calendar's zone (the receipt date is not counted, as on the
 *       service-standard clock). Pauses are <b>not</b> deducted: it is the time the applicant waited. A case whose
 *       calendar version is unknown counts Monday to Friday in UTC.</li>
 *   <li>Business days to resolution: from receipt to the (latest) resolution; age of an open case: from receipt to now.</li>
 *   <li>Median and p90: nearest rank, the value at rank &lceil;p &times; n / 100&rceil; of the ascending list (so the
 *       median of an even count is the lower middle value); whole business days, exact.</li>
 *   <li>On-time %: exact on {@link BigDecimal}, rounded half up to one decimal, as a string.</li>
 *   <li>On-time % by week: the resolutions counted above, grouped by the week (Monday to Sunday) of their resolution
 *       date in the case's calendar zone; one entry per week from the week of {@code since} to the week of
 *       {@code now} (dates in the zone of the group's first case with a known calendar, else UTC), oldest first, weeks
 *       without resolutions included (resolved 0, percent null). The first and the current week are partial.</li>
 * </ul>
 */
public final class ServiceLevelCalculator {

    /** Channel name of the all-channels figures. */
    public static final String ALL_CHANNELS = "ALL";

    private ServiceLevelCalculator() {
    }

    public static List<ServiceLevelReport.ServiceTypeLevels> compute(List<ServiceLevelCase> cases, Instant since, Instant now,
                                                                     Function<ServiceLevelCase, BusinessCalendar> calendarOf) {
        Map<String, Map<String, List<ServiceLevelCase>>> byType = new TreeMap<>();
        for (ServiceLevelCase c : cases) {
            byType.computeIfAbsent(c.serviceType(), t -> new TreeMap<>())
                    .computeIfAbsent(c.channel() == null ? "UNKNOWN" : c.channel(), ch -> new ArrayList<>()).add(c);
        }
        List<ServiceLevelReport.ServiceTypeLevels> result = new ArrayList<>();
        byType.forEach((type, byChannel) -> {
            List<ServiceLevelCase> all = new ArrayList<>();
            List<ServiceLevelReport.Figures> channels = new ArrayList<>();
            byChannel.forEach((channel, group) -> {
                all.addAll(group);
                channels.add(figures(channel, group, since, now, calendarOf));
            });
            result.add(new ServiceLevelReport.ServiceTypeLevels(type, figures(ALL_CHANNELS, all, since, now, calendarOf), channels));
        });
        return result;
    }

    /**
     * The empty figures of a service type without cases: its weeks from {@code since} to {@code now}, in {@code zone}
     * (its calendar's, as its cases' weeks would be), all empty.
     */
    public static ServiceLevelReport.ServiceTypeLevels none(String serviceType, Instant since, Instant now, ZoneId zone) {
        TreeMap<LocalDate, long[]> weeks = emptyWeeks(since, now, zone);
        List<ServiceLevelReport.WeekOnTime> byWeek = new ArrayList<>();
        weeks.keySet().forEach(monday -> byWeek.add(new ServiceLevelReport.WeekOnTime(monday, 0, 0, null)));
        ServiceLevelReport.Figures empty = figures(ALL_CHANNELS, List.of(), since, now, c -> null);
        return new ServiceLevelReport.ServiceTypeLevels(serviceType, new ServiceLevelReport.Figures(empty.channel(), 0, 0, 0, 0, 0,
                null, null, null, empty.backlogByAge(), byWeek), List.of());
    }

    static ServiceLevelReport.Figures figures(String channel, List<ServiceLevelCase> cases, Instant since, Instant now,
                                              Function<ServiceLevelCase, BusinessCalendar> calendarOf) {
        long open = 0, atRisk = 0, breached = 0, onTime = 0;
        TreeMap<LocalDate, long[]> weeks = emptyWeeks(cases, since, now, calendarOf);
        long[] buckets = new long[4];
        List<Integer> toResolution = new ArrayList<>();
        for (ServiceLevelCase c : cases) {
            if (c.open()) {
                open++;
                if (c.atRisk()) {
                    atRisk++;
                }
                if (c.breached()) {
                    breached++;
                }
                int age = businessDaysBetween(calendarOf.apply(c), c.receivedAt(), now);
                buckets[age <= 5 ? 0 : age <= 10 ? 1 : age <= 20 ? 2 : 3]++;
            } else if (c.resolvedAt() != null) {
                toResolution.add(businessDaysBetween(calendarOf.apply(c), c.receivedAt(), c.resolvedAt()));
                long[] week = weeks.computeIfAbsent(weekOf(c.resolvedAt(), zoneOf(calendarOf.apply(c))), w -> new long[2]);
                week[0]++;
                if (Boolean.TRUE.equals(c.onTime())) {
                    onTime++;
                    week[1]++;
                }
            }
        }
        toResolution.sort(null);
        long resolved = toResolution.size();
        List<ServiceLevelReport.WeekOnTime> byWeek = new ArrayList<>();
        weeks.forEach((monday, counts) -> byWeek.add(new ServiceLevelReport.WeekOnTime(monday, counts[0], counts[1], percent(counts[1], counts[0]))));
        return new ServiceLevelReport.Figures(channel, open, atRisk, breached, resolved, onTime, percent(onTime, resolved),
                percentile(toResolution, 50), percentile(toResolution, 90),
                new ServiceLevelReport.Backlog(buckets[0], buckets[1], buckets[2], buckets[3]), byWeek);
    }

    /** part / whole × 100, one decimal, half up; null when whole is 0. */
    static String percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Every week from the week of {@code since} to the week of {@code now}, with no resolutions yet; none without {@code since}. */
    private static TreeMap<LocalDate, long[]> emptyWeeks(List<ServiceLevelCase> cases, Instant since, Instant now,
                                                         Function<ServiceLevelCase, BusinessCalendar> calendarOf) {
        ZoneId zone = cases.stream().map(calendarOf).filter(java.util.Objects::nonNull).findFirst()
                .map(BusinessCalendar::zone).orElse(ZoneOffset.UTC);
        return emptyWeeks(since, now, zone);
    }

    private static TreeMap<LocalDate, long[]> emptyWeeks(Instant since, Instant now, ZoneId zone) {
        TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
        if (since == null || now.isBefore(since)) {
            return weeks;
        }
        LocalDate last = weekOf(now, zone);
        for (LocalDate monday = weekOf(since, zone); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            weeks.put(monday, new long[2]);
        }
        return weeks;
    }

    /** The Monday of the week of {@code at}'s date in {@code zone}. */
    static LocalDate weekOf(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static ZoneId zoneOf(BusinessCalendar calendar) {
        return calendar == null ? ZoneOffset.UTC : calendar.zone();
    }

    /** Nearest-rank percentile of an ascending list: the value at rank ⌈p·n/100⌉; null for an empty list. */
    static Integer percentile(List<Integer> ascending, int p) {
        if (ascending.isEmpty()) {
            return null;
        }
        int n = ascending.size();
        int rank = (int) ((p * (long) n + 99) / 100);
        return ascending.get(Math.max(1, rank) - 1);
    }

    private static final BusinessCalendar FALLBACK = BusinessCalendar.mondayToFriday("fallback-utc", 1, ZoneOffset.UTC, Set.of());

    /** Business days d with date(from) &lt; d &le; date(to) in the calendar's zone (null calendar: Monday–Friday UTC); 0 if to ≤ from. */
    static int businessDaysBetween(BusinessCalendar calendar, Instant from, Instant to) {
        BusinessCalendar cal = calendar == null ? FALLBACK : calendar;
        if (from == null || to == null) {
            return 0;
        }
        LocalDate start = LocalDate.ofInstant(from, cal.zone());
        LocalDate end = LocalDate.ofInstant(to, cal.zone());
        int days = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (cal.isBusinessDay(d)) {
                days++;
            }
        }
        return days;
    }
}
