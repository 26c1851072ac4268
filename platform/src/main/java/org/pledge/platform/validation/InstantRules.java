package org.pledge.platform.validation;

import java.time.Instant;

/**
 * Instants from outside that clock arithmetic will use (a stated receipt instant, the date a service type exists
 * from, holidays): within {@link #EARLIEST} (inclusive) and {@link #LATEST} (exclusive). Any day counting between two
 * such instants then takes at most about 110 000 steps, and no date arithmetic on them overflows.
 */
public final class InstantRules {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");
    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 2199;
    public static final String MESSAGE = "must be between 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z";

    private InstantRules() {
    }

    public static boolean isSane(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
    }
}
