package org.pledge.feedback.satisfaction.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.pledge.feedback.satisfaction.api.SatisfactionWindow;

/**
 * The buckets answers are counted in, one collection each: minutes (UTC) for the last hour, hours (UTC) for the last
 * day, days of {@code pledge.satisfaction.zone} for the last 30 days and the daily series. A window is the bucket that
 * holds "now" and the {@code count - 1} before it.
 */
public enum BucketSize {
    MINUTE("satisfaction_minutes", 60),
    HOUR("satisfaction_hours", 24),
    DAY("satisfaction_days", 30);

    private static final DateTimeFormatter MINUTE_ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR_ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH'Z'").withZone(ZoneOffset.UTC);

    private final String collection;
    private final int windowBuckets;

    BucketSize(String collection, int windowBuckets) {
        this.collection = collection;
        this.windowBuckets = windowBuckets;
    }

    public String collection() {
        return collection;
    }

    public static BucketSize of(SatisfactionWindow window) {
        return switch (window) {
            case PT1H -> MINUTE;
            case P1D -> HOUR;
            case P30D -> DAY;
        };
    }

    /** The first instant of the bucket holding {@code at}. */
    public Instant start(Instant at, ZoneId zone) {
        return switch (this) {
            case MINUTE -> at.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
        };
    }

    /** The id of the bucket holding {@code at}: {@code 2026-12-06T19:43Z}, {@code 2026-12-06T19Z} or the local date. */
    public String id(Instant at, ZoneId zone) {
        return switch (this) {
            case MINUTE -> MINUTE_ID.format(at);
            case HOUR -> HOUR_ID.format(at);
            case DAY -> LocalDate.ofInstant(at, zone).toString();
        };
    }

    /** The starts of the window's buckets ending with the one that holds {@code now}, oldest first. */
    public List<Instant> windowStarts(Instant now, ZoneId zone) {
        List<Instant> starts = new ArrayList<>(windowBuckets);
        for (int back = windowBuckets - 1; back >= 0; back--) {
            starts.add(switch (this) {
                case MINUTE -> start(now, zone).minus(back, ChronoUnit.MINUTES);
                case HOUR -> start(now, zone).minus(back, ChronoUnit.HOURS);
                case DAY -> LocalDate.ofInstant(now, zone).minusDays(back).atStartOfDay(zone).toInstant();
            });
        }
        return starts;
    }
}
