package org.pledge.platform.readmodel;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Read-your-writes for {@link SequencedDocuments#awaitSequence}: who waits for which document to reach which sequence
 * number, woken at once by this instance's writes ({@link #written}), else by re-reading the stored sequence number
 * every poll interval (a document another instance's processor writes).
 */
final class SequenceWaiters {

    /** How many documents' last written sequence numbers are remembered. */
    static final int RECENT_WRITES = 10_000;

    /** The sequence number a document holds in the store, or -1 when there is none. */
    private final ToLongFunction<String> storedSequence;
    /** Waiters per document id, woken by this instance's writes. */
    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
    /** The sequence number each recently written document was written with, by this instance. */
    private final Map<String, Long> recentWrites = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RECENT_WRITES;
        }
    });

    SequenceWaiters(ToLongFunction<String> storedSequence) {
        this.storedSequence = storedSequence;
    }

    /** See {@link SequencedDocuments#awaitSequence}. */
    boolean await(String id, long sequence, Duration timeout, Duration pollInterval) {
        Waiter waiter = new Waiter(sequence);
        List<Waiter> forId = waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        forId.add(waiter);
        try {
            // after registering: a write that comes later wakes the waiter, one that came earlier is remembered
            Long written = recentWrites.get(id);
            if (written != null && written >= sequence) {
                return true;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (waiter.latch.await(Math.max(0, Math.min(left, pollInterval.toNanos())), TimeUnit.NANOSECONDS)) {
                    return true;
                }
                if (storedSequence.applyAsLong(id) >= sequence) {
                    return true;
                }
                if (deadline - System.nanoTime() <= 0) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            forId.remove(waiter);
            waiters.computeIfPresent(id, (k, list) -> list.isEmpty() ? null : list);
        }
    }

    /** Document {@code id} was written with {@code sequence}: remember it and wake whoever waits for it. */
    void written(String id, long sequence) {
        if (sequence < 0) {
            return;
        }
        recentWrites.merge(id, sequence, Math::max);
        List<Waiter> forId = waiters.get(id);
        if (forId != null) {
            for (Waiter waiter : forId) {
                if (sequence >= waiter.sequence) {
                    waiter.latch.countDown();
                }
            }
        }
    }

    private record Waiter(long sequence, CountDownLatch latch) {
        Waiter(long sequence) {
            this(sequence, new CountDownLatch(1));
        }
    }
}
