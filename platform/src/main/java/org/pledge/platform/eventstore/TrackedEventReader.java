package org.pledge.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.pledge.platform.eventstore.EventDocuments.ABORTED;
import static org.pledge.platform.eventstore.EventDocuments.COMMIT_FIRST;
import static org.pledge.platform.eventstore.EventDocuments.COMMIT_LAST;
import static org.pledge.platform.eventstore.EventDocuments.ID;
import static org.pledge.platform.eventstore.EventDocuments.TIMESTAMP;
import static org.pledge.platform.eventstore.EventDocuments.TOMBSTONE;

/**
 * Tracked reads: the event stream in strict global-sequence order, with {@link GapAwareTrackingToken}s.
 * <p>
 * A read asks MongoDB for exact {@code _id}s: the token's gaps and the numbers above its index up to the
 * {@link LookAhead}. It walks forward from the index and stops at a number that is not visible while a higher one is
 * (a commit in flight), until that number becomes visible or its gap has expired ({@link GapExpiry}); a number given
 * up on is {@linkplain Tombstones#seal sealed}. A commit's events are delivered only once the commit is known to have
 * succeeded ({@link #commitStatus}). Tombstones are skipped.
 */
final class TrackedEventReader {

    /** The engine's logger: operators configure one logger for the whole engine. */
    private static final Logger logger = LoggerFactory.getLogger(MongoSequencedEventStorageEngine.class);

    private enum CommitStatus { DELIVER, WAIT, SKIP }

    private final MongoCollection<Document> events;
    private final GapExpiry gapExpiry;
    private final Tombstones tombstones;
    private final LookAhead lookAhead;
    private final int maxGapOffset;
    private final int maxGaps;
    /** The engine's batch size: how far below the head a head token looks for commits in flight. */
    private final int batchSize;
    private volatile long lastBeyondProbe;

    TrackedEventReader(MongoCollection<Document> events, GapExpiry gapExpiry, Tombstones tombstones,
                       LookAhead lookAhead, int maxGapOffset, int maxGaps, int batchSize) {
        this.events = events;
        this.gapExpiry = gapExpiry;
        this.tombstones = tombstones;
        this.lookAhead = lookAhead;
        this.maxGapOffset = maxGapOffset;
        this.maxGaps = maxGaps;
        this.batchSize = batchSize;
    }

    /** The next events after {@code lastToken}, at most {@code batchSize}; paced by the {@link LookAhead}. */
    List<? extends TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        int beyond = lookAhead.beforeRead(batchSize);
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Token [" + lastToken + "] is of the wrong type. Expected ["
                                                       + GapAwareTrackingToken.class.getSimpleName() + "]");
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long index = token == null ? 0L : token.getIndex();
        int numbers = lookAhead.numbersToRead(index, batchSize, beyond);
        List<? extends TrackedEventData<?>> result = read(token, index, numbers, batchSize);
        lookAhead.afterRead(result.size() >= numbers, batchSize, beyond);
        return result;
    }

    private List<? extends TrackedEventData<?>> read(GapAwareTrackingToken token, long index, int lookAhead,
                                                   int batchSize) {
        TreeSet<Long> gaps = token == null ? new TreeSet<>() : new TreeSet<>(token.getGaps());

        List<Long> ids = new ArrayList<>(gaps);
        long window = index + lookAhead; // highest number fetched so far
        for (long n = index + 1; n <= window; n++) {
            ids.add(n);
        }
        Map<Long, Document> docs = EventDocuments.findByIds(events, ids);
        gapExpiry.observe(docs);

        List<TrackedEventData<?>> result = new ArrayList<>();
        // 1. gaps a token carries (only from a head token taken while commits were in flight, or a failed seal):
        //    deliver them once visible; seal them once expired.
        for (Iterator<Long> it = gaps.iterator(); it.hasNext(); ) {
            Long gap = it.next();
            Document doc = docs.get(gap);
            if (doc == null && gapExpiry.expired(gap)) {
                doc = tombstones.seal(gap);
            }
            if (doc != null) {
                it.remove();
                if (!doc.containsKey(TOMBSTONE)) {
                    result.add(tracked(doc, GapAwareTrackingToken.newInstance(index, new TreeSet<>(gaps))));
                }
            }
        }
        // 2. walk forward in global-sequence order.
        long n = index + 1;
        while (result.size() < batchSize) {
            if (n > window) {
                if (!result.isEmpty()) {
                    break; // deliver what we have; the next call continues from here
                }
                List<Long> nextIds = new ArrayList<>(batchSize);
                for (long i = n; i < n + batchSize; i++) {
                    nextIds.add(i);
                }
                Map<Long, Document> more = EventDocuments.findByIds(events, nextIds);
                gapExpiry.observe(more);
                docs.putAll(more);
                window = n + batchSize - 1;
            }
            Document doc = docs.get(n);
            if (doc == null) {
                if (!visibleAbove(docs, n) && gapExpiry.highestSeen() <= n && !probeBeyond(window)) {
                    break; // end of the stream
                }
                // n is not visible but a higher number is: a commit in flight, or one that will never complete.
                if (!gapExpiry.expired(n)) {
                    break; // wait for it: keeps delivery in global-sequence order
                }
                Document sealed = tombstones.seal(n);
                if (sealed == null) { // could not seal: remember it in the (bounded) gap set and move on
                    gaps.add(n);
                    boundGaps(gaps, n + 1);
                    n++;
                } else {
                    docs.put(n, sealed); // our tombstone, or the event that beat it
                }
                continue;
            }
            if (doc.containsKey(TOMBSTONE)) {
                n++;
                continue;
            }
            CommitStatus status = commitStatus(docs, doc, n);
            if (status == CommitStatus.WAIT) {
                break;
            }
            if (status == CommitStatus.DELIVER) {
                boundGaps(gaps, n);
                result.add(tracked(doc, GapAwareTrackingToken.newInstance(n, new TreeSet<>(gaps))));
            }
            n++;
        }
        return result;
    }

    /**
     * A commit's events are delivered only once it is known to have succeeded: its last event is visible (an ordered
     * insert that reached it succeeded), or every later number of it is. A commit that failed part-way is tombstoned
     * by its writer (aborted); until then the tracker waits, and after the gap timeout (writer gone) it delivers what
     * is there, since aggregates loading see those events too.
     */
    private CommitStatus commitStatus(Map<Long, Document> docs, Document doc, long n) {
        long commitFirst = doc.getLong(COMMIT_FIRST);
        long commitLast = doc.getLong(COMMIT_LAST);
        if (commitLast <= n) {
            return CommitStatus.DELIVER;
        }
        List<Long> missing = new ArrayList<>();
        for (long i = n + 1; i <= commitLast; i++) {
            if (!docs.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            docs.putAll(EventDocuments.findByIds(events, missing));
        }
        boolean broken = false;
        for (long i = n + 1; i <= commitLast; i++) {
            Document member = docs.get(i);
            if (member == null) {
                if (!gapExpiry.expired(i)) {
                    return CommitStatus.WAIT;
                }
                member = tombstones.seal(i);
                if (member == null) {
                    return CommitStatus.WAIT;
                }
                docs.put(i, member);
            }
            boolean ours = member.getLong(COMMIT_FIRST) == commitFirst;
            if (ours && ABORTED.equals(member.get(TOMBSTONE))) {
                return CommitStatus.SKIP;
            }
            if (!ours || member.containsKey(TOMBSTONE)) {
                broken = true; // the rest of the commit will not come at these numbers
            }
        }
        if (broken && !gapExpiry.expired(n)) {
            return CommitStatus.WAIT; // its writer is about to abort it
        }
        return CommitStatus.DELIVER;
    }

    /** A token at the head: numbers just below the head may still be in flight, so the invisible ones are gaps. */
    TrackingToken headToken() {
        long head = EventDocuments.highestStored(events);
        if (head == 0) {
            return null;
        }
        List<Long> recent = new ArrayList<>();
        for (long n = Math.max(1, head - batchSize + 1); n < head; n++) {
            recent.add(n);
        }
        Map<Long, Document> docs = EventDocuments.findByIds(events, recent);
        TreeSet<Long> gaps = new TreeSet<>();
        for (Long n : recent) {
            if (!docs.containsKey(n)) {
                gaps.add(n);
            }
        }
        boundGaps(gaps, head);
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    /** A token just before the first event stamped at or after {@code dateTime} (by its writer's clock). */
    TrackingToken tokenAt(Instant dateTime) {
        Document first = events.find(Filters.gte(TIMESTAMP, Date.from(dateTime)))
                               .sort(Sorts.ascending(TIMESTAMP))
                               .projection(Projections.include(ID))
                               .limit(1)
                               .first();
        if (first == null) {
            return headToken();
        }
        long index = first.getLong(ID) - 1;
        return index <= 0 ? null : GapAwareTrackingToken.newInstance(index, new TreeSet<>());
    }

    private void boundGaps(TreeSet<Long> gaps, long index) {
        gaps.headSet(index - maxGapOffset).clear();
        while (gaps.size() > maxGaps) {
            Long dropped = gaps.pollFirst();
            logger.warn("Gap {} dropped from the tracking token (more than {} gaps)", dropped, maxGaps);
        }
        gaps.tailSet(index).clear();
    }

    private static boolean visibleAbove(Map<Long, Document> docs, long n) {
        for (Long id : docs.keySet()) {
            if (id > n) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether anything is stored above the window (a hole wider than a batch: only a crashed writer of a very large
     * commit leaves one). A range query, so at most once per second per engine.
     */
    private boolean probeBeyond(long window) {
        long now = System.nanoTime();
        if (now - lastBeyondProbe < 1_000_000_000L) {
            return false;
        }
        lastBeyondProbe = now;
        Document above = events.find(Filters.gt(ID, window)).sort(Sorts.ascending(ID))
                               .projection(Projections.include(ID)).limit(1).first();
        if (above == null) {
            return false;
        }
        gapExpiry.sawVisible(above.getLong(ID));
        return true;
    }

    private static TrackedEventData<?> tracked(Document doc, GapAwareTrackingToken token) {
        return new TrackedDomainEventData<>(token, EventDocuments.toDomainEventData(doc));
    }
}
