package org.pledge.feedback.satisfaction.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pledge.feedback.satisfaction.query.Figures.PainPointCount;

/** Adds up {@link AnswerCounts} and turns the sums into {@link Figures}. */
final class Tally {

    private long answers;
    private long satisfied;
    private long ratingSum;
    private long efforts;
    private long effortSum;
    private final Map<String, Long> painPoints = new HashMap<>();

    void add(AnswerCounts counts) {
        answers += counts.answers();
        satisfied += counts.satisfied();
        ratingSum += counts.ratingSum();
        efforts += counts.efforts();
        effortSum += counts.effortSum();
        if (counts.painPoints() != null) {
            counts.painPoints().forEach(tag -> painPoints.merge(tag.code(), tag.count(), Long::sum));
        }
    }

    long answers() {
        return answers;
    }

    /** Every pain point named, most named first, ties by code. */
    List<PainPointCount> ranking() {
        return painPoints.entrySet().stream()
                .map(e -> new PainPointCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(PainPointCount::count).reversed().thenComparing(PainPointCount::code))
                .toList();
    }

    Figures figures(int topPainPoints) {
        return new Figures(answers, ratio(satisfied * 100, answers), ratio(ratingSum, answers), ratio(effortSum, efforts), efforts,
                ranking().stream().limit(topPainPoints).toList());
    }

    /** {@code numerator / denominator}, two places half-up; null for no denominator. */
    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
}
