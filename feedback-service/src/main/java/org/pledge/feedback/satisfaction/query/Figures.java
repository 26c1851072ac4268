package org.pledge.feedback.satisfaction.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Satisfaction figures over a set of answers, as decimals with two places (half-up); null where there is nothing to
 * average (no answers, or no effort score).
 *
 * @param volume        answers
 * @param csat          the share of ratings 4–5, in percent
 * @param meanRating    the mean rating (1–5)
 * @param meanEffort    the mean effort score (CES, 1–7) over the answers that gave one
 * @param effortAnswers the answers that gave an effort score
 * @param topPainPoints the pain points named most, most first (ties by code)
 */
public record Figures(long volume, BigDecimal csat, BigDecimal meanRating, BigDecimal meanEffort, long effortAnswers,
                      List<PainPointCount> topPainPoints) {

    /** A pain-point tag and how many answers named it. */
    public record PainPointCount(String code, long count) {
    }

    /** The figures of the answers by the timeliness of their case. */
    public record ByTimeliness(Figures onTime, Figures late, Figures open) {
    }

    /** The figures of one window: from {@code from} (the first instant of its first bucket) to now. */
    public record WindowFigures(String window, Instant from, Figures figures, ByTimeliness byTimeliness) {
    }

    /** The figures of one day of the daily series. */
    public record DayFigures(LocalDate date, Figures figures, ByTimeliness byTimeliness) {
    }
}
