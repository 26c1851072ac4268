package org.pledge.cases.casefile.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.catalogue.recalculation.*}: the reconciliation sweep ({@code CalendarRecalculationSweep}): open cases
 * the read model still shows on an older version than the newest published one of their calendar are recalculated.
 *
 * @param sweepInterval pause between the end of one sweep and the start of the next (the first comes one interval
 *                      after start-up)
 * @param batchSize     cases recalculated at most per calendar and sweep (the rest wait for the next sweep)
 */
@ConfigurationProperties("pledge.catalogue.recalculation")
public record CalendarRecalculationProperties(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("100") int batchSize) {

    public CalendarRecalculationProperties {
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("pledge.catalogue.recalculation.sweep-interval must be positive, was " + sweepInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("pledge.catalogue.recalculation.batch-size must be at least 1, was " + batchSize);
        }
    }
}
