package org.pledge.testsupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock a test moves; safe to read and move from several threads. Two kinds:
 * <ul>
 *   <li>{@link #MutableClock(Instant) standing}: stands still at an instant until the test moves it (unit tests, and
 *   services whose every time-driven step the test drives);</li>
 *   <li>{@link #ticking() ticking}: the system clock plus an offset the test moves forward, for a whole service over
 *   real HTTP, where timeouts, leases and token lifetimes must keep running.</li>
 * </ul>
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    /** A clock standing at {@code start}. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC), Duration.ZERO);
    }

    private MutableClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = new AtomicReference<>(offset);
    }

    /** The system clock, until the test moves it. */
    public static MutableClock ticking() {
        return new MutableClock(Clock.systemUTC(), Duration.ZERO);
    }

    /** Moves the clock by {@code by}. */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Moves the clock to {@code at} (a ticking clock runs on from there). */
    public void set(Instant at) {
        offset.set(Duration.between(base.instant(), at));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
