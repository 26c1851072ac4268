package org.pledge.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB that gives every event a
 * dense global sequence number and tracks with a {@link GapAwareTrackingToken}.
 * <p>
 * Storage (see {@code docs/adr/0003-sequenced-mongo-event-store.md}):
 * <ul>
 *     <li>events collection: one document per event, {@code _id} = global sequence number (from 1), unique
 *     {@code aggregateKey = <aggregateIdentifier>/<sequenceNumber>}, unique {@code (aggregateIdentifier,
 *     sequenceNumber)}, unique {@code eventIdentifier}, non-unique {@code timeStamp};</li>
 *     <li>snapshots collection: one document per aggregate, {@code _id} = aggregate identifier, newest wins.</li>
 * </ul>
 * Allocation is optimistic: each engine hands out the numbers after the highest one it knows of, per commit, and the
 * unique {@code _id} decides. A commit that collides with another engine's numbers is compensated (its inserted part
 * and its unused numbers become tombstones) and retried with fresh numbers, so a commit costs one round trip.
 * <p>
 * Every read is an exact-value look-up on {@code _id} or {@code aggregateKey} ({@code $in} over the next N numbers),
 * which a unique index answers on real MongoDB and on mongo-java-server alike.
 * <p>
 * Tracking delivers events strictly in global-sequence order: a number that is not visible while a higher one is (a
 * commit in flight) stops the batch until it becomes visible or until the gap timeout has passed, measured with this
 * engine's clock from the moment it first saw a higher number (never with the writers' clocks). A number given up on
 * is <em>sealed</em> with a tombstone (insert-if-absent): a writer that comes later collides on {@code _id} and retries
 * its whole commit with fresh numbers, so its events are delivered (later, in order) instead of being lost.
 */
public class MongoSequencedEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger logger = LoggerFactory.getLogger(MongoSequencedEventStorageEngine.class);

    static final String ID = "_id";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String AGGREGATE_KEY = "aggregateKey";
    static final String TYPE = "type";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String TIMESTAMP = "timeStamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "serializedPayload";
    static final String META_DATA = "serializedMetaData";
    static final String COMMIT_FIRST = "commitFirst";
    static final String COMMIT_LAST = "commitLast";
    /** On tombstones: {@code aborted} (a failed commit, written by its writer) or {@code sealed} (by a reader). */
    static final String TOMBSTONE = "tombstone";
    static final String ABORTED = "aborted";
    static final String SEALED = "sealed";
    private static final String TOMBSTONE_PREFIX = "\u0000tombstone/";
    private static final int MAX_ATTEMPTS = 100;
    /**
     * Numbers a tracked read at the head asks for beyond the highest one this engine knows of (another instance's
     * appends); doubled after each read that found all it asked for, up to a batch.
     */
    static final int LOOK_BEYOND_HEAD = 4;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final int maxGaps;
    private final Clock clock;
    private final int batchSize;
    private final boolean secondaryUniqueIndexes;
    private final long pollIntervalNanos;
    private final LongSupplier nanoTime;
    private final LongConsumer pause;
    /**
     * Per reading thread: {whether its last tracked read came back short (it reached the head), when (by
     * {@link #nanoTime}), how far its next read looks beyond the known head (a thread's first read: a whole batch)}.
     */
    private final ThreadLocal<long[]> readState = ThreadLocal.withInitial(() -> new long[]{0L, 0L, Integer.MAX_VALUE});

    /** The next global sequence number this engine hands out. */
    private final AtomicLong next = new AtomicLong(1);
    /** (reader time, highest visible number) samples younger than the gap timeout, oldest first. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    /** Every number up to this one was taken at least {@code gapTimeout} ago (by this engine's clock). */
    private long expiredUpTo;
    private volatile long lastBeyondProbe;

    protected MongoSequencedEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(builder.eventsCollectionName);
        this.snapshots = builder.database.getCollection(builder.snapshotsCollectionName);
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.maxGaps = builder.maxGaps;
        this.clock = builder.clock;
        this.batchSize = builder.batchSize;
        this.secondaryUniqueIndexes = builder.secondaryUniqueIndexes;
        this.pollIntervalNanos = builder.pollInterval.toNanos();
        this.nanoTime = builder.nanoTime;
        this.pause = builder.pause;
        if (builder.ensureIndexes) {
            ensureIndexes();
        }
        long head = highestStored();
        next.set(head + 1);
        // Every number below the head when this engine started is at least as old as now.
        recordSample(clock.millis(), head);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the indexes every query of this engine needs on real MongoDB. Idempotent.
     */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(AGGREGATE_KEY),
                           new IndexOptions().unique(true).name("uniqueAggregateKey"));
        // (aggregateIdentifier, sequenceNumber) is unique already through aggregateKey; a second unique index would
        // cost every append (notably on mongo-java-server's H2 backend) for nothing. Non-unique, it serves ad-hoc
        // queries on real MongoDB and costs nothing on mongo-java-server, which ignores non-unique indexes.
        events.createIndex(Indexes.ascending(AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER),
                           new IndexOptions().name("aggregateSequence"));
        if (secondaryUniqueIndexes) {
            // optional: aggregateKey already keeps an event from being stored twice
            events.createIndex(Indexes.ascending(EVENT_IDENTIFIER),
                               new IndexOptions().unique(true).name("uniqueEventIdentifier"));
        }
        events.createIndex(Indexes.ascending(TIMESTAMP), new IndexOptions().name("timeStamp"));
        // snapshots: _id = aggregate identifier (implicitly unique).
    }

    // ------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(eventMessages.size());
        for (EventMessage<?> event : eventMessages) {
            documents.add(toDocument(event, serializer));
        }
        int k = documents.size();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long first = next.getAndAdd(k);
            long last = first + k - 1;
            for (int i = 0; i < k; i++) {
                Document doc = documents.get(i);
                doc.put(ID, first + i);
                doc.put(COMMIT_FIRST, first);
                doc.put(COMMIT_LAST, last);
            }
            beforeInsert(first, last);
            try {
                events.insertMany(documents, new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                // An ordered insert stopped at a known document: the ones before it are in, the rest are not.
                BulkWriteError error = e.getWriteErrors().stream().min(Comparator.comparingInt(BulkWriteError::getIndex))
                                        .orElse(null);
                int failed = error == null ? 0 : error.getIndex();
                boolean numberTaken = error != null && isDuplicateKey(error.getCode())
                        && error.getMessage() != null && error.getMessage().contains("index: _id_ ");
                abort(documents, first, failed, numberTaken);
                if (numberTaken) {
                    // another engine (or a reader's seal) has that number: retry with fresh numbers. The other
                    // engine's commits in flight are not visible yet; a short random back-off lets them land so that
                    // the re-sync skips them instead of colliding again (no engine starves another).
                    backOff(attempt);
                    resync(first + failed);
                    continue;
                }
                handlePersistenceException(e, eventMessages.get(Math.min(failed, k - 1)));
            } catch (MongoException e) {
                // Outcome unknown (e.g. a network error after the write): leave it; trackers treat missing numbers as
                // gaps and seal them after the gap timeout.
                handlePersistenceException(e, eventMessages.get(0));
            }
        }
        throw new EventStoreException("Could not find free global sequence numbers in " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Hook between choosing the global sequence numbers of a commit and inserting its events. Tests use it to
     * simulate slow commits.
     */
    protected void beforeInsert(long firstGlobalSequence, long lastGlobalSequence) {
    }

    /**
     * Compensates a failed commit: its inserted documents (before {@code failed}) become aborted tombstones, and its
     * other numbers get one too unless someone else has them (insert-if-absent), so no tracker delivers a part of the
     * commit or waits for its numbers.
     */
    private void abort(List<Document> documents, long first, int failed, boolean failedNumberTaken) {
        long commitFirst = first;
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            long n = first + i;
            if (i < failed) {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ID, n),
                                                             Filters.eq(EVENT_IDENTIFIER,
                                                                        documents.get(i).getString(EVENT_IDENTIFIER))),
                                                 tombstone(n, ABORTED, commitFirst)));
            } else if (i > failed || !failedNumberTaken) {
                writes.add(new InsertOneModel<>(tombstone(n, ABORTED, commitFirst)));
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            events.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // duplicate keys: those numbers belong to someone else, which is fine
            if (e.getWriteErrors().stream().anyMatch(w -> !isDuplicateKey(w.getCode()))) {
                logger.warn("Could not fully compensate failed commit at {}", first, e);
            }
        } catch (MongoException e) {
            logger.warn("Could not compensate failed commit at {}; trackers will seal it after the gap timeout",
                        first, e);
        }
    }

    private static void backOff(int attempt) {
        long maxMicros = Math.min(20_000L, 50L << Math.min(attempt, 10));
        long micros = ThreadLocalRandom.current().nextLong(maxMicros);
        LockSupport.parkNanos(micros * 1_000L);
    }

    /** Moves {@code next} above every visible number from {@code from} on. */
    private void resync(long from) {
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

    private static Document tombstone(long n, String kind, long commitFirst) {
        String key = TOMBSTONE_PREFIX + n;
        return new Document(ID, n).append(TOMBSTONE, kind)
                                  .append(AGGREGATE_IDENTIFIER, TOMBSTONE_PREFIX)
                                  .append(SEQUENCE_NUMBER, n)
                                  .append(AGGREGATE_KEY, key)
                                  .append(EVENT_IDENTIFIER, key)
                                  .append(COMMIT_FIRST, commitFirst)
                                  .append(COMMIT_LAST, n);
    }

    private Document toDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        String aggregateIdentifier;
        long sequenceNumber;
        String type;
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            aggregateIdentifier = domainEvent.getAggregateIdentifier();
            sequenceNumber = domainEvent.getSequenceNumber();
            type = domainEvent.getType();
        } else {
            aggregateIdentifier = event.getIdentifier();
            sequenceNumber = 0L;
            type = null;
        }
        Document doc = new Document();
        doc.put(AGGREGATE_IDENTIFIER, aggregateIdentifier);
        doc.put(SEQUENCE_NUMBER, sequenceNumber);
        doc.put(AGGREGATE_KEY, aggregateKey(aggregateIdentifier, sequenceNumber));
        doc.put(TYPE, type);
        doc.put(EVENT_IDENTIFIER, event.getIdentifier());
        doc.put(TIMESTAMP, Date.from(event.getTimestamp()));
        doc.put(PAYLOAD_TYPE, payload.getType().getName());
        doc.put(PAYLOAD_REVISION, payload.getType().getRevision());
        doc.put(PAYLOAD, payload.getData());
        doc.put(META_DATA, metaData.getData());
        return doc;
    }

    static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    // ------------------------------------------------------------------------------------------ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = toDocument(snapshot, serializer);
        doc.put(ID, snapshot.getAggregateIdentifier());
        try {
            // Replace an older snapshot; if a newer one exists the filter misses and the upsert hits the _id.
            snapshots.replaceOne(Filters.and(Filters.eq(ID, snapshot.getAggregateIdentifier()),
                                             Filters.lt(SEQUENCE_NUMBER, snapshot.getSequenceNumber())),
                                 doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new EventStoreException("Could not store snapshot of " + snapshot.getAggregateIdentifier(), e);
            }
            logger.debug("A newer snapshot of {} exists; skipped", snapshot.getAggregateIdentifier());
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(toDomainEventData(doc));
    }

    // ------------------------------------------------------------------------------------------ aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long seq = firstSequenceNumber; seq < firstSequenceNumber + batchSize; seq++) {
            keys.add(aggregateKey(aggregateIdentifier, seq));
        }
        List<Document> docs = events.find(Filters.in(AGGREGATE_KEY, keys)).into(new ArrayList<>());
        docs.sort((a, b) -> Long.compare(a.getLong(SEQUENCE_NUMBER), b.getLong(SEQUENCE_NUMBER)));
        List<DomainEventData<?>> result = new ArrayList<>(docs.size());
        for (Document doc : docs) {
            result.add(toDomainEventData(doc));
        }
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long from = readSnapshotData(aggregateIdentifier).findFirst().map(DomainEventData::getSequenceNumber)
                                                         .orElse(0L);
        Long last = null;
        while (true) {
            List<String> keys = new ArrayList<>(batchSize);
            for (long seq = from; seq < from + batchSize; seq++) {
                keys.add(aggregateKey(aggregateIdentifier, seq));
            }
            int found = 0;
            for (Document doc : events.find(Filters.in(AGGREGATE_KEY, keys))
                                      .projection(Projections.include(SEQUENCE_NUMBER))) {
                found++;
                long seq = doc.getLong(SEQUENCE_NUMBER);
                last = last == null ? seq : Math.max(last, seq);
            }
            if (found < batchSize) {
                return Optional.ofNullable(last);
            }
            from += batchSize;
        }
    }

    // ------------------------------------------------------------------------------------------ tracking

    private enum CommitStatus { DELIVER, WAIT, SKIP }

    /**
     * Reads the next events after {@code lastToken}, asking MongoDB for exact {@code _id}s: the token's gaps and the
     * numbers from its index up to a <em>look-ahead</em> — everything this engine knows to be stored or allocated
     * above the index, plus a few beyond, at most {@code batchSize}. A reader catching up asks for a full batch; a
     * reader at the head asks only for the numbers that can exist (each number asked costs an index look-up on the
     * server: on mongo-java-server's H2 backend one that serializes keys, measured as most of its CPU with a
     * look-ahead of 100 at the head). "A few beyond" is a whole batch for a thread's first read (starting up, it may be
     * behind), {@value #LOOK_BEYOND_HEAD} after a read that came back short, and doubles (up to a batch) after each
     * read that found all it asked for: that is how a reader follows another instance's appends, which this engine
     * does not know of.
     *
     * <p>A read that did not fill its look-ahead (the reader reached the head) makes this thread's next read wait until
     * {@code pollInterval} has passed since: under a steady stream of small commits, the events of every commit in
     * that interval come in one query instead of one query (and an empty one) each. Axon's embedded event store reads
     * for all processors at the head in one producer thread, woken after every commit; without the interval it queried
     * about twice per event. A read that filled its look-ahead (catching up, or following another instance's writes)
     * never waits. The wait delays delivery by at most the interval; order and gap handling are unchanged.
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long[] state = readState.get();
        if (pollIntervalNanos > 0 && state[0] != 0L) {
            long wait = state[1] + pollIntervalNanos - nanoTime.getAsLong();
            if (wait > 0) {
                pause.accept(Math.min(wait, pollIntervalNanos));
            }
        }
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Token [" + lastToken + "] is of the wrong type. Expected ["
                                                       + GapAwareTrackingToken.class.getSimpleName() + "]");
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long index = token == null ? 0L : token.getIndex();
        int beyond = (int) Math.min(batchSize, state[2]);
        int lookAhead = lookAhead(index, batchSize, beyond);
        List<? extends TrackedEventData<?>> result = readTracked(token, index, lookAhead, batchSize);
        boolean filled = result.size() >= lookAhead;
        state[0] = filled ? 0L : 1L;
        state[1] = nanoTime.getAsLong();
        state[2] = filled ? Math.min(batchSize, 2L * beyond) : LOOK_BEYOND_HEAD;
        return result;
    }

    /**
     * How many numbers above {@code index} a tracked read asks for, looking {@code beyond} numbers past the highest
     * this engine knows of: see {@link #fetchTrackedEvents}.
     */
    int lookAhead(long index, int batchSize, int beyond) {
        long known = Math.max(highestSeen(), next.get() - 1);
        return (int) Math.min(batchSize, Math.max(0L, known - index) + beyond);
    }

    private List<? extends TrackedEventData<?>> readTracked(GapAwareTrackingToken token, long index, int lookAhead,
                                                          int batchSize) {
        TreeSet<Long> gaps = token == null ? new TreeSet<>() : new TreeSet<>(token.getGaps());

        List<Long> ids = new ArrayList<>(gaps);
        long window = index + lookAhead; // highest number fetched so far
        for (long n = index + 1; n <= window; n++) {
            ids.add(n);
        }
        Map<Long, Document> docs = findByIds(ids);
        observe(docs);

        List<TrackedEventData<?>> result = new ArrayList<>();
        // 1. gaps a token carries (only from a head token taken while commits were in flight, or a failed seal):
        //    deliver them once visible; seal them once expired.
        for (Iterator<Long> it = gaps.iterator(); it.hasNext(); ) {
            Long gap = it.next();
            Document doc = docs.get(gap);
            if (doc == null && gapExpired(gap)) {
                doc = seal(gap);
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
                Map<Long, Document> more = findByIds(nextIds);
                observe(more);
                docs.putAll(more);
                window = n + batchSize - 1;
            }
            Document doc = docs.get(n);
            if (doc == null) {
                if (!visibleAbove(docs, n) && highestSeen() <= n && !probeBeyond(window)) {
                    break; // end of the stream
                }
                // n is not visible but a higher number is: a commit in flight, or one that will never complete.
                if (!gapExpired(n)) {
                    break; // wait for it: keeps delivery in global-sequence order
                }
                Document sealed = seal(n);
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
            docs.putAll(findByIds(missing));
        }
        boolean broken = false;
        for (long i = n + 1; i <= commitLast; i++) {
            Document member = docs.get(i);
            if (member == null) {
                if (!gapExpired(i)) {
                    return CommitStatus.WAIT;
                }
                member = seal(i);
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
        if (broken && !gapExpired(n)) {
            return CommitStatus.WAIT; // its writer is about to abort it
        }
        return CommitStatus.DELIVER;
    }

    /** Inserts a sealing tombstone at {@code n} unless something is there; returns what is there, or null. */
    private Document seal(long n) {
        try {
            Document tombstone = tombstone(n, SEALED, n);
            events.insertOne(tombstone);
            logger.warn("Global sequence number {} was not filled within the gap timeout ({}); sealed it", n,
                        gapTimeout);
            return tombstone;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return events.find(Filters.eq(ID, n)).first();
            }
            logger.warn("Could not seal global sequence number {}", n, e);
            return null;
        } catch (MongoException e) {
            logger.warn("Could not seal global sequence number {}", n, e);
            return null;
        }
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
        recordSample(clock.millis(), above.getLong(ID));
        return true;
    }

    private Map<Long, Document> findByIds(Collection<Long> ids) {
        Map<Long, Document> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        for (Document doc : events.find(Filters.in(ID, ids))) {
            result.put(doc.getLong(ID), doc);
        }
        return result;
    }

    private long highestStored() {
        Document last = events.find().sort(Sorts.descending(ID)).projection(Projections.include(ID)).limit(1).first();
        return last == null ? 0L : last.getLong(ID);
    }

    private void observe(Map<Long, Document> docs) {
        long max = 0;
        for (Long id : docs.keySet()) {
            max = Math.max(max, id);
        }
        if (max > 0) {
            recordSample(clock.millis(), max);
        }
    }

    private synchronized long highestSeen() {
        long[] newest = samples.peekLast();
        return Math.max(expiredUpTo, newest == null ? 0 : newest[1]);
    }

    /**
     * Whether the missing number {@code n} has been missing for at least {@code gapTimeout}, judged by this engine's
     * clock: it has been missing at least since this engine first saw a higher number.
     */
    private synchronized boolean gapExpired(long n) {
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

    private TrackedEventData<?> tracked(Document doc, GapAwareTrackingToken token) {
        return new TrackedDomainEventData<>(token, toDomainEventData(doc));
    }

    private DomainEventData<String> toDomainEventData(Document doc) {
        String aggregateIdentifier = doc.getString(AGGREGATE_IDENTIFIER);
        String eventIdentifier = doc.getString(EVENT_IDENTIFIER);
        String type = doc.getString(TYPE);
        boolean domainEvent = type != null || !eventIdentifier.equals(aggregateIdentifier);
        return new GenericDomainEventEntry<>(type,
                                             domainEvent ? aggregateIdentifier : null,
                                             doc.getLong(SEQUENCE_NUMBER),
                                             eventIdentifier,
                                             doc.getDate(TIMESTAMP).toInstant(),
                                             doc.getString(PAYLOAD_TYPE),
                                             doc.getString(PAYLOAD_REVISION),
                                             doc.getString(PAYLOAD),
                                             doc.getString(META_DATA));
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = highestStored();
        if (head == 0) {
            return null;
        }
        // Numbers just below the head may still be in flight: keep the invisible ones as gaps.
        List<Long> recent = new ArrayList<>();
        for (long n = Math.max(1, head - batchSize + 1); n < head; n++) {
            recent.add(n);
        }
        Map<Long, Document> docs = findByIds(recent);
        TreeSet<Long> gaps = new TreeSet<>();
        for (Long n : recent) {
            if (!docs.containsKey(n)) {
                gaps.add(n);
            }
        }
        boundGaps(gaps, head);
        return GapAwareTrackingToken.newInstance(head, gaps);
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Document first = events.find(Filters.gte(TIMESTAMP, Date.from(dateTime)))
                               .sort(Sorts.ascending(TIMESTAMP))
                               .projection(Projections.include(ID))
                               .limit(1)
                               .first();
        if (first == null) {
            return createHeadToken();
        }
        long index = first.getLong(ID) - 1;
        return index <= 0 ? null : GapAwareTrackingToken.newInstance(index, new TreeSet<>());
    }

    // ------------------------------------------------------------------------------------------ accessors

    public Duration gapTimeout() {
        return gapTimeout;
    }

    public MongoCollection<Document> eventCollection() {
        return events;
    }

    public MongoCollection<Document> snapshotCollection() {
        return snapshots;
    }

    private static boolean isDuplicateKey(int code) {
        return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY;
    }

    static boolean isDuplicateKeyException(Exception exception) {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                       .anyMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        if (exception instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return exception instanceof com.mongodb.DuplicateKeyException;
    }

    // ------------------------------------------------------------------------------------------ builder

    /**
     * Builder. Required: {@link #mongoDatabase(MongoDatabase)}. Defaults: collections {@code events},
     * {@code snapshots}; gap timeout 60 s; maxGapOffset 10,000; maxGaps 64; batch size 100;
     * system UTC clock; duplicate-key aware persistence exception resolver; indexes ensured on construction.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(60);

        private MongoDatabase database;
        private String eventsCollectionName = "events";
        private String snapshotsCollectionName = "snapshots";
        private Duration gapTimeout = DEFAULT_GAP_TIMEOUT;
        private int maxGapOffset = 10_000;
        private int maxGaps = 64;
        private Clock clock;
        private int batchSize = 100;
        private boolean ensureIndexes = true;
        private boolean secondaryUniqueIndexes = false;
        private Duration pollInterval = Duration.ZERO;
        private LongSupplier nanoTime = System::nanoTime;
        private LongConsumer pause = LockSupport::parkNanos;

        protected Builder() {
            persistenceExceptionResolver(MongoSequencedEventStorageEngine::isDuplicateKeyException);
        }

        public Builder mongoDatabase(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        public Builder eventsCollectionName(String name) {
            assertNonNull(name, "The events collection name may not be null");
            this.eventsCollectionName = name;
            return this;
        }

        public Builder snapshotsCollectionName(String name) {
            assertNonNull(name, "The snapshots collection name may not be null");
            this.snapshotsCollectionName = name;
            return this;
        }

        /** How long a tracker waits for an allocated but invisible global sequence number. */
        public Builder gapTimeout(Duration gapTimeout) {
            assertThat(gapTimeout, t -> t != null && !t.isNegative(), "The gapTimeout must be >= 0");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far behind the token index a number given up on is still remembered (and delivered if it appears). */
        public Builder maxGapOffset(int maxGapOffset) {
            assertThat(maxGapOffset, o -> o >= 0, "The maxGapOffset must be >= 0");
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** How many numbers given up on a token remembers at most. */
        public Builder maxGaps(int maxGaps) {
            assertThat(maxGaps, g -> g >= 0, "The maxGaps must be >= 0");
            this.maxGaps = maxGaps;
            return this;
        }

        /** The clock the gap timeout is measured with (the reader's, never the writers'); required: the injected one. */
        public Builder clock(Clock clock) {
            assertNonNull(clock, "The Clock may not be null");
            this.clock = clock;
            return this;
        }

        /**
         * Whether to also create a unique {@code eventIdentifier} index (default false). Every event already has a
         * unique {@code aggregateKey} (a non-domain event's is {@code <eventIdentifier>/0}), so an event cannot be stored
         * twice without it; the extra index cost 6-23 % of append throughput in the benchmark. The engine's own
         * queries and its optimistic concurrency need only {@code _id} and {@code aggregateKey}.
         */
        public Builder secondaryUniqueIndexes(boolean secondaryUniqueIndexes) {
            this.secondaryUniqueIndexes = secondaryUniqueIndexes;
            return this;
        }

        /**
         * The least time between two tracked reads of one thread when the first came back short (default 0: none);
         * see {@link #fetchTrackedEvents}. Measured with {@link System#nanoTime()}: an interval, not a date.
         */
        public Builder pollInterval(Duration pollInterval) {
            assertThat(pollInterval, t -> t != null && !t.isNegative(), "The pollInterval must be >= 0");
            this.pollInterval = pollInterval;
            return this;
        }

        /** For tests: the interval clock (nanoseconds) and how to wait. */
        Builder pollTiming(LongSupplier nanoTime, LongConsumer pause) {
            this.nanoTime = nanoTime;
            this.pause = pause;
            return this;
        }

        public Builder ensureIndexes(boolean ensureIndexes) {
            this.ensureIndexes = ensureIndexes;
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            this.batchSize = batchSize;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(Predicate<List<? extends DomainEventData<?>>> predicate) {
            super.finalAggregateBatchPredicate(predicate);
            return this;
        }

        @Override
        @Deprecated
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
            assertNonNull(clock, "The Clock is a hard requirement: the service's injected java.time.Clock");
        }

        public MongoSequencedEventStorageEngine build() {
            return new MongoSequencedEventStorageEngine(this);
        }
    }
}
