package org.pledge.console.levels;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pledge.console.levels.ServiceLevelsReport.Backlog;
import org.pledge.console.levels.ServiceLevelsReport.Figures;
import org.pledge.console.levels.ServiceLevelsReport.TypeLevels;
import org.pledge.console.levels.ServiceLevelsReport.Week;

/**
 * What the service-levels page shows for a filter (service type and channel, each null for all): the table's rows,
 * the headline figures of the selection, its backlog by age and its on-time rate by week (a series per service type).
 *
 * @param asOf         when case-service computed the figures
 * @param truncated    case-service hit a bound on the cases it reads
 * @param serviceType  the service type filter, or null
 * @param channel      the channel filter, or null
 * @param serviceTypes the service types with cases (filter choices)
 * @param channels     the channels with cases of the chosen service type, or of any (filter choices)
 * @param summary      the selection's figures together (median and p90 only when the selection is one group)
 * @param rows         per service type: all channels, then each channel (only the chosen one with a channel filter)
 * @param weeks        the weeks of the on-time series, oldest first
 * @param trend        the on-time rate by week of each service type selected, aligned on {@code weeks}
 */
public record ServiceLevelsView(Instant asOf, boolean truncated, String serviceType, String channel,
                                List<String> serviceTypes, List<String> channels, Summary summary, List<Row> rows,
                                List<LocalDate> weeks, List<Series> trend) {

    /** Channel name of a service type's all-channels figures (case-service's). */
    public static final String ALL = "ALL";

    /** A line of the table: a service type's figures over all its channels ({@code total}) or on one channel. */
    public record Row(String serviceType, String channel, boolean total, Figures figures) {
    }

    /** The selection's figures together. */
    public record Summary(long open, long atRisk, long breachedOpen, long resolved, long resolvedOnTime, String onTimePercent,
                          Integer medianBusinessDaysToResolution, Integer p90BusinessDaysToResolution, Backlog backlogByAge) {
    }

    /** One service type's on-time rate by week. */
    public record Series(String serviceType, List<Week> weeks) {
    }

    /** The view of {@code report} for the filters (null or blank: all). */
    public static ServiceLevelsView of(ServiceLevelsReport report, String serviceType, String channel) {
        String type = blankToNull(serviceType);
        String ch = blankToNull(channel);
        List<String> types = new ArrayList<>(report.serviceTypes().stream().map(TypeLevels::serviceType).toList());
        if (type != null && !types.contains(type)) {
            types.add(type); // chosen, without cases yet: still the one shown as chosen
        }
        TreeSet<String> channels = new TreeSet<>();
        List<Row> rows = new ArrayList<>();
        List<Figures> selected = new ArrayList<>();
        List<String> selectedTypes = new ArrayList<>();
        for (TypeLevels levels : report.serviceTypes()) {
            if (type != null && !type.equals(levels.serviceType())) {
                continue;
            }
            levels.byChannel().forEach(f -> channels.add(f.channel()));
            if (ch == null) {
                rows.add(new Row(levels.serviceType(), ALL, true, levels.total()));
                levels.byChannel().forEach(f -> rows.add(new Row(levels.serviceType(), f.channel(), false, f)));
                selected.add(levels.total());
                selectedTypes.add(levels.serviceType());
            } else {
                levels.byChannel().stream().filter(f -> ch.equals(f.channel())).findFirst().ifPresent(f -> {
                    rows.add(new Row(levels.serviceType(), f.channel(), false, f));
                    selected.add(f);
                    selectedTypes.add(levels.serviceType());
                });
            }
        }
        TreeSet<LocalDate> weeks = new TreeSet<>();
        selected.forEach(f -> f.onTimeByWeek().forEach(w -> weeks.add(w.weekOf())));
        List<Series> trend = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            Map<LocalDate, Week> byWeek = new TreeMap<>();
            selected.get(i).onTimeByWeek().forEach(w -> byWeek.put(w.weekOf(), w));
            trend.add(new Series(selectedTypes.get(i),
                    weeks.stream().map(w -> byWeek.getOrDefault(w, new Week(w, 0, 0, null))).toList()));
        }
        return new ServiceLevelsView(report.asOf(), report.truncated(), type, ch, List.copyOf(types), List.copyOf(channels),
                summary(selected), rows, List.copyOf(weeks), trend);
    }

    /** Whether there is anything to show for the filters. */
    public boolean empty() {
        return rows.isEmpty();
    }

    /**
     * A digest of the figures shown (not of {@code asOf}, which changes on every question): equal digests, nothing to
     * send to a live page.
     */
    public String fingerprint() {
        String shown = String.join("|", String.valueOf(truncated), serviceTypes.toString(), channels.toString(),
                summary.toString(), rows.toString(), weeks.toString(), trend.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Summary summary(List<Figures> groups) {
        if (groups.size() == 1) {
            Figures f = groups.get(0);
            return new Summary(f.open(), f.atRisk(), f.breachedOpen(), f.resolved(), f.resolvedOnTime(), f.onTimePercent(),
                    f.medianBusinessDaysToResolution(), f.p90BusinessDaysToResolution(), f.backlogByAge());
        }
        long open = 0, atRisk = 0, breached = 0, resolved = 0, onTime = 0;
        Backlog backlog = new Backlog(0, 0, 0, 0);
        for (Figures f : groups) {
            open += f.open();
            atRisk += f.atRisk();
            breached += f.breachedOpen();
            resolved += f.resolved();
            onTime += f.resolvedOnTime();
            backlog = backlog.plus(f.backlogByAge());
        }
        // medians and percentiles of different groups do not add up: shown per row only
        return new Summary(open, atRisk, breached, resolved, onTime, percent(onTime, resolved), null, null, backlog);
    }

    /** part / whole × 100, one decimal, half up (as case-service rounds); null when whole is 0. */
    static String percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
