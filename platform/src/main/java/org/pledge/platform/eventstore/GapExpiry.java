package org.pledge.platform.eventstore;

import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Decides when a missing global sequence number has been missing for the gap timeout, by this engine's clock only
 * (never the writers' clocks: their timestamps may be skewed): a number is missing at least since this engine first
 * saw a higher one. It keeps (reader time, highest visible number) samples younger than the gap timeout; when a
 * sample grows older than the timeout, every number below its highest one has expired.
 * <p>
 * It also knows the highest number this engine has seen stored ({@link #highestSeen()}), which tells a tracked read
 * how far it may usefully look ({@link LookAhead}). Thread-safe: the engine's readers share one.
 */
final class GapExpiry {

    private final Clock clock;
    private final Duration gapTimeout;
    /** (reader time, highest visible number) samples younger than the gap timeout, oldest first. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    /** Every number up to this one was taken at least {@code gapTimeout} ago (by this engine's clock). */
    private long expiredUpTo;

    /**
     * @param head the highest number stored when the engine started: every number below it is at least as old as now
     */
    GapExpiry(Clock clock, Duration gapTimeout, long head) {
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        recordSample(clock.millis(), head);
    }

    Duration gapTimeout() {
        return gapTimeout;
    }

    /** Notes the highest number among documents just read. */
    void observe(Map<Long, Document> docs) {
        long max = 0;
        for (Long id : docs.keySet()) {
            max = Math.max(max, id);
        }
        if (max > 0) {
            recordSample(clock.millis(), max);
        }
    }

    /** Notes that {@code highestVisible} is stored, now. */
    void sawVisible(long highestVisible) {
        recordSample(clock.millis(), highestVisible);
    }

    synchronized long highestSeen() {
        long[] newest = samples.peekLast();
        return Math.max(expiredUpTo, newest == null ? 0 : newest[1]);
    }

    /**
     * Whether the missing number {@code n} has been missing for at least the gap timeout, judged by this engine's
     * clock: it has been missing at least since this engine first saw a higher number.
     */
    synchronized boolean expired(long n) {
        long cutoff = clock.millis() - gapTimeout.toMillis();
        while (!samples.isEmpty() && samples.peekFirst()[0] <= cutoff) {
            expiredUpTo = Math.max(expiredUpTo, samples.pollFirst()[1]);
        }
        return n < expiredUpTo;
    }

    private synchronized void recordSample(long time, long highestVisible) {
        long[] newest = samples.peekLast();
        if (newest != null && newest[1] >= highestVisible) {
            return;
        }
        if (newest != null && newest[0] >= time) {
            newest[1] = highestVisible; // same instant: that number was visible then
            return;
        }
        if (highestVisible > expiredUpTo) {
            samples.addLast(new long[]{time, highestVisible});
        }
    }
}
