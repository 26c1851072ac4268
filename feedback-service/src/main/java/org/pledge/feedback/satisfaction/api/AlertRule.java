package org.pledge.feedback.satisfaction.api;

import java.math.BigDecimal;

/**
 * When a service type's rolling CSAT raises and clears an alert: over its last {@code lastAnswers} answers, an alert is
 * raised when CSAT falls below {@code threshold} with at least {@code minimumAnswers} answers counted, and cleared when
 * it rises above {@code recoveryThreshold} (higher than the threshold, so that it does not flap). Percentages.
 */
public record AlertRule(BigDecimal threshold, BigDecimal recoveryThreshold, int lastAnswers, int minimumAnswers) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AlertRule {
        if (threshold == null || recoveryThreshold == null) {
            throw new IllegalArgumentException("threshold and recovery-threshold are required");
        }
        if (threshold.signum() < 0 || recoveryThreshold.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("thresholds must lie between 0 and 100");
        }
        if (recoveryThreshold.compareTo(threshold) <= 0) {
            throw new IllegalArgumentException("recovery-threshold must be above threshold");
        }
        if (lastAnswers < 1 || minimumAnswers < 1 || minimumAnswers > lastAnswers) {
            throw new IllegalArgumentException("need 1 <= minimum-answers <= last-answers");
        }
    }

    /** What the figure is over, as the contracts name it: {@code last-<n>-answers}. */
    public String basis() {
        return "last-" + lastAnswers + "-answers";
    }
}
