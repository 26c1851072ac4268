package org.pledge.feedback.satisfaction.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.pledge.feedback.satisfaction.api.SatisfactionWindow;
import org.pledge.feedback.satisfaction.query.Figures.ByTimeliness;
import org.pledge.feedback.satisfaction.query.Figures.DayFigures;
import org.pledge.feedback.satisfaction.query.Figures.PainPointCount;
import org.pledge.feedback.satisfaction.query.Figures.WindowFigures;
import org.pledge.feedback.survey.api.Timeliness;

/**
 * The live figures, read from {@link SatisfactionBuckets} at the injected clock's now: a window reads its buckets with
 * one query and adds up the cells of the service type and channel asked for (null: all of them).
 */
public class SatisfactionFigures {

    private final SatisfactionBuckets buckets;
    private final Clock clock;
    private final int topPainPoints;

    public SatisfactionFigures(SatisfactionBuckets buckets, Clock clock, int topPainPoints) {
        this.buckets = buckets;
        this.clock = clock;
        this.topPainPoints = topPainPoints;
    }

    /** The figures of {@code serviceType} and {@code channel} (null: all) at now. */
    public record View(String serviceType, String channel, Instant asOf, ZoneId zone, List<WindowFigures> windows,
                       List<DayFigures> series) {
    }

    /** The pain points named over {@code window}, every one, most named first. */
    public record PainPointRanking(String serviceType, String window, Instant from, Instant asOf, long answers,
                                   List<PainPointCount> painPoints) {
    }

    /** The figures over {@code windows}; the daily series too when {@code withSeries}. */
    public View view(String serviceType, String channel, List<SatisfactionWindow> windows, boolean withSeries) {
        Instant now = clock.instant();
        Predicate<AnswerCounts> cells = filter(serviceType, channel);
        List<WindowFigures> figures = windows.stream().map(w -> window(w, cells, now)).toList();
        return new View(serviceType, channel, now, buckets.zone(), figures, withSeries ? series(cells, now) : null);
    }

    public PainPointRanking painPoints(String serviceType, SatisfactionWindow window) {
        Instant now = clock.instant();
        BucketSize size = BucketSize.of(window);
        List<Instant> starts = size.windowStarts(now, buckets.zone());
        Tally tally = new Tally();
        read(size, starts).forEach(bucket -> add(tally, bucket, filter(serviceType, null)));
        return new PainPointRanking(serviceType, window.code(), starts.get(0), now, tally.answers(), tally.ranking());
    }

    private WindowFigures window(SatisfactionWindow window, Predicate<AnswerCounts> cells, Instant now) {
        BucketSize size = BucketSize.of(window);
        List<Instant> starts = size.windowStarts(now, buckets.zone());
        List<FigureBucket> found = read(size, starts);
        Tallies tallies = new Tallies();
        found.forEach(bucket -> tallies.add(bucket, cells));
        return new WindowFigures(window.code(), starts.get(0), tallies.all.figures(topPainPoints), tallies.split(topPainPoints));
    }

    private List<DayFigures> series(Predicate<AnswerCounts> cells, Instant now) {
        ZoneId zone = buckets.zone();
        List<Instant> starts = BucketSize.DAY.windowStarts(now, zone);
        Map<String, FigureBucket> found = buckets.find(BucketSize.DAY, ids(BucketSize.DAY, starts));
        List<DayFigures> days = new ArrayList<>(starts.size());
        for (Instant start : starts) {
            LocalDate date = LocalDate.ofInstant(start, zone);
            Tallies tallies = new Tallies();
            FigureBucket bucket = found.get(date.toString());
            if (bucket != null) {
                tallies.add(bucket, cells);
            }
            days.add(new DayFigures(date, tallies.all.figures(topPainPoints), tallies.split(topPainPoints)));
        }
        return days;
    }

    private List<FigureBucket> read(BucketSize size, List<Instant> starts) {
        return List.copyOf(buckets.find(size, ids(size, starts)).values());
    }

    private List<String> ids(BucketSize size, List<Instant> starts) {
        return starts.stream().map(start -> size.id(start, buckets.zone())).toList();
    }

    private static Predicate<AnswerCounts> filter(String serviceType, String channel) {
        return cell -> (serviceType == null || serviceType.equals(cell.serviceType()))
                && (channel == null || channel.equals(cell.channel()));
    }

    private static void add(Tally tally, FigureBucket bucket, Predicate<AnswerCounts> cells) {
        if (bucket.cells() != null) {
            bucket.cells().stream().filter(cells).forEach(tally::add);
        }
    }

    /** One tally for all answers and one per timeliness. */
    private static final class Tallies {
        final Tally all = new Tally();
        final Tally onTime = new Tally();
        final Tally late = new Tally();
        final Tally open = new Tally();

        void add(FigureBucket bucket, Predicate<AnswerCounts> cells) {
            if (bucket.cells() == null) {
                return;
            }
            bucket.cells().stream().filter(cells).forEach(cell -> {
                all.add(cell);
                switch (Timeliness.valueOf(cell.timeliness())) {
                    case ON_TIME -> onTime.add(cell);
                    case LATE -> late.add(cell);
                    case OPEN -> open.add(cell);
                }
            });
        }

        ByTimeliness split(int top) {
            return new ByTimeliness(onTime.figures(top), late.figures(top), open.figures(top));
        }
    }
}
