package org.pledge.local.process;

import java.time.Duration;

/**
 * What the {@link ProcessSupervisor} does when a child exits without being asked to.
 *
 * <p>A child is restarted only once it has been healthy at least once (a child that dies during its first start
 * has a problem a restart will not fix: the caller reports it). Each crash waits longer before the next start:
 * {@code firstDelay}, doubling up to {@code maxDelay}. The count of crashes in a row starts again from zero once
 * the child has stayed healthy for {@code stableAfter}, or after a deliberate restart. After
 * {@code maxCrashesInARow} crashes in a row the supervisor gives up and leaves the child stopped.
 *
 * @param restart            false: an unexpected exit is reported, never followed by a new start
 * @param firstDelay         wait before the restart after the first crash in a row
 * @param maxDelay           the longest wait between two restarts
 * @param stableAfter        healthy this long, the child's earlier crashes are forgotten
 * @param maxCrashesInARow   give up after this many crashes in a row
 * @param startTimeout       how long a (re)started child may take to become healthy; a restarted child that takes
 *                           longer is ended and counts as a crash
 * @param healthPollInterval pause between two health checks while a child starts
 */
public record RestartPolicy(boolean restart, Duration firstDelay, Duration maxDelay, Duration stableAfter,
                            int maxCrashesInARow, Duration startTimeout, Duration healthPollInterval) {

    /** Never restart; wait at most 2 minutes for health. */
    public static final RestartPolicy NEVER = new RestartPolicy(false, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60), 0, Duration.ofMinutes(2), Duration.ofMillis(500));

    public RestartPolicy {
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
        }
        if (maxCrashesInARow < 0 || healthPollInterval.isZero() || healthPollInterval.isNegative()) {
            throw new IllegalArgumentException("maxCrashesInARow >= 0 and a positive poll interval, please");
        }
    }

    /** The launcher's: 1 s doubling to 30 s, forgiven after 60 s healthy, give up after 5 crashes in a row. */
    public static RestartPolicy backOff(Duration startTimeout) {
        return new RestartPolicy(true, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 5,
                startTimeout, Duration.ofMillis(500));
    }

    /** The wait before the restart that follows crash number {@code crashesInARow} (1, 2, ...) in a row. */
    public Duration delayAfter(int crashesInARow) {
        Duration delay = firstDelay;
        for (int i = 1; i < crashesInARow && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
