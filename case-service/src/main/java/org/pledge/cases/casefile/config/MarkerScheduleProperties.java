package org.pledge.cases.casefile.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.sla.*}: the sweep that fires at-risk and breach markers.
 *
 * @param sweepInterval pause between the end of one sweep and the start of the next
 * @param batchSize     due clocks claimed at most per sweep (the rest wait for the next sweep)
 * @param claimLease    how long a claim keeps other instances off a clock; must exceed the time a
 *                      mark command takes. A claim is cleared as soon as the projection sees the clock
 *                      change, so the lease only matters after a crash or for a command that changed nothing.
 * @param instanceId    who claims (logged and stored in {@code claimedBy}); blank: a random id per start
 */
@ConfigurationProperties("pledge.sla")
public record MarkerScheduleProperties(
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("30s") Duration claimLease,
        String instanceId) {

    public MarkerScheduleProperties {
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("pledge.sla.sweep-interval must be positive, was " + sweepInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("pledge.sla.batch-size must be at least 1, was " + batchSize);
        }
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("pledge.sla.claim-lease must be positive, was " + claimLease);
        }
    }
}
