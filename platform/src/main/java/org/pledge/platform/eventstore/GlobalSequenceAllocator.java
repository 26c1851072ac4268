package org.pledge.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.pledge.platform.eventstore.EventDocuments.ID;

/**
 * Hands out global sequence numbers, optimistically: each engine hands out the numbers after the highest one it
 * knows of, per commit, without asking MongoDB, and the unique {@code _id} decides. A writer that lost a number to
 * another engine (or to a reader's seal) {@linkplain #backOff backs off} briefly and {@linkplain #resync re-syncs}
 * above what is visible, then tries again ({@link EventAppender}). No number is handed out twice by one engine; a
 * number may be handed out by two engines, and only one of them stores it.
 */
final class GlobalSequenceAllocator {

    private final MongoCollection<Document> events;
    private final int batchSize;
    /** The next global sequence number this engine hands out. */
    private final AtomicLong next;

    /**
     * @param head      the highest number stored when the engine started
     * @param batchSize how many numbers one re-sync query asks for
     */
    GlobalSequenceAllocator(MongoCollection<Document> events, int batchSize, long head) {
        this.events = events;
        this.batchSize = batchSize;
        this.next = new AtomicLong(head + 1);
    }

    /** Takes {@code count} consecutive numbers; returns the first. */
    long allocate(int count) {
        return next.getAndAdd(count);
    }

    /** The highest number this engine has handed out (or seen stored when it started, or re-synced to). */
    long highestAllocated() {
        return next.get() - 1;
    }

    /**
     * Moves the next number above every visible number from {@code from} on, a batch of exact {@code _id}s per
     * query, until a batch is not full.
     */
    void resync(long from) {
        long probe = from;
        while (true) {
            List<Long> ids = new ArrayList<>(batchSize);
            for (long n = probe; n < probe + batchSize; n++) {
                ids.add(n);
            }
            long highest = probe - 1;
            int found = 0;
            for (Document doc : events.find(Filters.in(ID, ids)).projection(Projections.include(ID))) {
                highest = Math.max(highest, doc.getLong(ID));
                found++;
            }
            long candidate = highest + 1;
            next.accumulateAndGet(candidate, Math::max);
            if (found < batchSize) {
                return;
            }
            probe += batchSize;
        }
    }

    /**
     * A short random pause before a retry: the other engine's commits in flight are not visible yet; the pause lets
     * them land so that the re-sync skips them instead of colliding again (no engine starves another). Grows with
     * the attempt, at most 20 ms.
     */
    static void backOff(int attempt) {
        long maxMicros = Math.min(20_000L, 50L << Math.min(attempt, 10));
        long micros = ThreadLocalRandom.current().nextLong(maxMicros);
        LockSupport.parkNanos(micros * 1_000L);
    }
}
