package org.pledge.platform.eventstore;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How much a tracked read asks for, and when a reader at the head may read again; per reading thread.
 * <p>
 * A read asks MongoDB for exact {@code _id}s from the token's index up to a <em>look-ahead</em>: everything this
 * engine knows to be stored or allocated above the index, plus a few beyond, at most a batch. A reader catching up
 * asks for a full batch; a reader at the head asks only for the numbers that can exist (each number asked costs an
 * index look-up on the server: on mongo-java-server's H2 backend one that serializes keys, measured as most of its CPU
 * with a look-ahead of 100 at the head). "A few beyond" is a whole batch for a thread's first read (starting up, it
 * may be behind), {@value #LOOK_BEYOND_HEAD} after a read that came back short, and doubles (up to a batch) after
 * each read that found all it asked for: that is how a reader follows another instance's appends, which this engine
 * does not know of.
 * <p>
 * A read that did not fill its look-ahead (the reader reached the head) makes this thread's next read wait until the
 * poll interval has passed since: under a steady stream of small commits, the events of every commit in that interval
 * come in one query instead of one query (and an empty one) each. Axon's embedded event store reads for all
 * processors at the head in one producer thread, woken after every commit; without the interval it queried about
 * twice per event. A read that filled its look-ahead (catching up, or following another instance's writes) never
 * waits. The wait delays delivery by at most the interval; order and gap handling are unchanged.
 */
final class LookAhead {

    /**
     * Numbers a tracked read at the head asks for beyond the highest one this engine knows of (another instance's
     * appends); doubled after each read that found all it asked for, up to a batch.
     */
    static final int LOOK_BEYOND_HEAD = 4;

    private final long pollIntervalNanos;
    private final LongSupplier nanoTime;
    private final LongConsumer pause;
    /** The highest number this engine knows to be stored or allocated. */
    private final LongSupplier knownHead;
    /**
     * Per reading thread: {whether its last tracked read came back short (it reached the head), when (by
     * {@link #nanoTime}), how far its next read looks beyond the known head (a thread's first read: a whole batch)}.
     */
    private final ThreadLocal<long[]> readState = ThreadLocal.withInitial(() -> new long[]{0L, 0L, Integer.MAX_VALUE});

    /**
     * @param nanoTime the interval clock (nanoseconds): an interval, not a date
     * @param pause    how to wait, in nanoseconds
     */
    LookAhead(Duration pollInterval, LongSupplier nanoTime, LongConsumer pause, LongSupplier knownHead) {
        this.pollIntervalNanos = pollInterval.toNanos();
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.knownHead = knownHead;
    }

    /**
     * Before a tracked read of this thread: waits out the poll interval if its last read came back short; returns how
     * far this read looks beyond the known head.
     */
    int beforeRead(int batchSize) {
        long[] state = readState.get();
        if (pollIntervalNanos > 0 && state[0] != 0L) {
            long wait = state[1] + pollIntervalNanos - nanoTime.getAsLong();
            if (wait > 0) {
                pause.accept(Math.min(wait, pollIntervalNanos));
            }
        }
        return (int) Math.min(batchSize, state[2]);
    }

    /** How many numbers above {@code index} a tracked read asks for, looking {@code beyond} past the known head. */
    int numbersToRead(long index, int batchSize, int beyond) {
        return (int) Math.min(batchSize, Math.max(0L, knownHead.getAsLong() - index) + beyond);
    }

    /** After a tracked read of this thread: whether it found all it asked for decides the next one's pace. */
    void afterRead(boolean filled, int batchSize, int beyond) {
        long[] state = readState.get();
        state[0] = filled ? 0L : 1L;
        state[1] = nanoTime.getAsLong();
        state[2] = filled ? Math.min(batchSize, 2L * beyond) : LOOK_BEYOND_HEAD;
    }
}
