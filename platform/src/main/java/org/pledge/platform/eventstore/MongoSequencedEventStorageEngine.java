package org.pledge.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
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
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
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
 *     <li>counter collection: one document per events collection whose {@code value} is the last allocated global
 *     sequence number; a commit of k events allocates k numbers with one {@code $inc};</li>
 *     <li>snapshots collection: one document per aggregate, {@code _id} = aggregate identifier, newest wins.</li>
 * </ul>
 * Every read is an exact-value look-up on {@code _id} or {@code aggregateKey} ({@code $in} over the next N numbers),
 * which a unique index answers on real MongoDB and on mongo-java-server alike.
 * <p>
 * Tracking delivers events strictly in global-sequence order: an allocated number that is not visible yet (a commit in
 * flight) stops the batch until it becomes visible or until the gap timeout has passed (measured with this engine's
 * clock from the moment this engine first saw the counter reach that number, never with the writers' clocks). A
 * number given up on is kept in the token's gap set (bounded by {@code maxGapOffset} and {@code maxGaps}) so that it is
 * still delivered, late and out of order, if it appears while it is in that set.
 * <p>
 * A commit that fails part-way (duplicate key on an aggregate sequence number) is compensated: every number of the
 * commit is overwritten with a tombstone, so trackers never deliver a part of a failed commit and never wait for it.
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
    static final String TOMBSTONE = "tombstone";
    static final String COUNTER_VALUE = "value";
    private static final String TOMBSTONE_PREFIX = "\u0000tombstone/";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final String counterId;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final int maxGaps;
    private final Clock clock;
    private final int batchSize;

    /** (reader time, counter value) samples younger than the gap timeout, oldest first. */
    private final ArrayDeque<long[]> counterSamples = new ArrayDeque<>();
    /** Every number up to this one was allocated at least {@code gapTimeout} ago (by this engine's clock). */
    private long expiredUpTo;

    protected MongoSequencedEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(builder.eventsCollectionName);
        this.snapshots = builder.database.getCollection(builder.snapshotsCollectionName);
        this.counters = builder.database.getCollection(builder.countersCollectionName);
        this.counterId = builder.eventsCollectionName;
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.maxGaps = builder.maxGaps;
        this.clock = builder.clock;
        this.batchSize = builder.batchSize;
        if (builder.ensureIndexes) {
            ensureIndexes();
        }
        // Every number allocated before this engine started is at least as old as now.
        long counter = readCounter();
        recordCounterSample(clock.millis(), counter);
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
        events.createIndex(Indexes.ascending(AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER),
                           new IndexOptions().unique(true).name("uniqueAggregateSequence"));
        events.createIndex(Indexes.ascending(EVENT_IDENTIFIER),
                           new IndexOptions().unique(true).name("uniqueEventIdentifier"));
        events.createIndex(Indexes.ascending(TIMESTAMP), new IndexOptions().name("timeStamp"));
        // snapshots: _id = aggregate identifier (implicitly unique); counters: _id = events collection name.
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
        long last;
        try {
            last = allocate(documents.size());
        } catch (MongoException e) {
            throw new EventStoreException("Could not allocate global sequence numbers", e);
        }
        long first = last - documents.size() + 1;
        for (int i = 0; i < documents.size(); i++) {
            Document doc = documents.get(i);
            doc.put(ID, first + i);
            doc.put(COMMIT_FIRST, first);
            doc.put(COMMIT_LAST, last);
        }
        beforeInsert(first, last);
        try {
            events.insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            // An ordered insert stopped at a known document: the ones before it are in, the rest are not.
            // Overwrite the whole commit with tombstones so no tracker delivers a part of it or waits for it.
            compensate(first, last);
            int failedIndex = e.getWriteErrors().stream().mapToInt(BulkWriteError::getIndex).min().orElse(0);
            handlePersistenceException(e, eventMessages.get(Math.min(failedIndex, eventMessages.size() - 1)));
        } catch (MongoException e) {
            // Outcome unknown (e.g. a network error after the write): leave it; trackers treat missing numbers as
            // gaps and give up on them after the gap timeout.
            handlePersistenceException(e, eventMessages.get(0));
        }
    }

    /**
     * Hook between allocating the global sequence numbers of a commit and inserting its events. Tests use it to
     * simulate slow commits.
     */
    protected void beforeInsert(long firstGlobalSequence, long lastGlobalSequence) {
    }

    /**
     * Allocates {@code count} numbers and returns the last one. Asks for the document as it was BEFORE the
     * increment: mongo-java-server's memory backend returns the live document for AFTER, which a concurrent
     * increment can change before it is sent (two commits then get the same numbers); BEFORE is a copy there and
     * equally atomic on real MongoDB.
     */
    private long allocate(int count) {
        Document before = counters.findOneAndUpdate(Filters.eq(ID, counterId),
                                                    Updates.inc(COUNTER_VALUE, (long) count),
                                                    new FindOneAndUpdateOptions().upsert(true)
                                                                                 .returnDocument(ReturnDocument.BEFORE));
        long previous = before == null ? 0L : ((Number) before.get(COUNTER_VALUE)).longValue();
        return previous + count;
    }

    private void compensate(long first, long last) {
        List<ReplaceOneModel<Document>> tombstones = new ArrayList<>();
        for (long n = first; n <= last; n++) {
            tombstones.add(new ReplaceOneModel<>(Filters.eq(ID, n), tombstone(n), new ReplaceOptions().upsert(true)));
        }
        try {
            events.bulkWrite(tombstones);
        } catch (MongoException e) {
            logger.warn("Could not tombstone failed commit [{}..{}]; trackers will skip it after the gap timeout",
                        first, last, e);
        }
    }

    private static Document tombstone(long n) {
        String key = TOMBSTONE_PREFIX + n;
        return new Document(ID, n).append(TOMBSTONE, true)
                                  .append(AGGREGATE_IDENTIFIER, TOMBSTONE_PREFIX)
                                  .append(SEQUENCE_NUMBER, n)
                                  .append(AGGREGATE_KEY, key)
                                  .append(EVENT_IDENTIFIER, key)
                                  .append(COMMIT_FIRST, n)
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

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Token [" + lastToken + "] is of the wrong type. Expected ["
                                                       + GapAwareTrackingToken.class.getSimpleName() + "]");
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        long index = token == null ? 0L : token.getIndex();
        TreeSet<Long> gaps = token == null ? new TreeSet<>() : new TreeSet<>(token.getGaps());

        List<Long> ids = new ArrayList<>(gaps);
        for (long n = index + 1; n <= index + batchSize; n++) {
            ids.add(n);
        }
        Map<Long, Document> docs = findByIds(ids);
        long window = index + batchSize; // highest number fetched so far

        List<TrackedEventData<?>> result = new ArrayList<>();
        // 1. numbers given up on earlier that have become visible since: deliver them late rather than never.
        for (Iterator<Long> it = gaps.iterator(); it.hasNext(); ) {
            Long gap = it.next();
            Document doc = docs.get(gap);
            if (doc != null) {
                it.remove();
                if (!doc.getBoolean(TOMBSTONE, false)) {
                    logger.warn("Event {} became visible after its gap timeout; delivered out of order", gap);
                    result.add(tracked(doc, GapAwareTrackingToken.newInstance(index, new TreeSet<>(gaps))));
                }
            }
        }
        // 2. walk forward in global-sequence order.
        Long counter = null;
        long n = index + 1;
        while (result.size() < batchSize) {
            if (n > window) {
                if (!result.isEmpty()) {
                    break; // deliver what we have; the next call continues from here
                }
                List<Long> next = new ArrayList<>(batchSize);
                for (long i = n; i < n + batchSize; i++) {
                    next.add(i);
                }
                docs.putAll(findByIds(next));
                window = n + batchSize - 1;
            }
            Document doc = docs.get(n);
            if (doc == null) {
                if (!visibleAbove(docs, n)) {
                    if (counter == null || counter < n) {
                        counter = readCounter();
                    }
                    if (counter < n) {
                        break; // end of the stream
                    }
                }
                // n is allocated but not visible: a commit in flight, or one that will never complete.
                if (!gapExpired(n)) {
                    break; // wait for it: keeps delivery in global-sequence order
                }
                gaps.add(n);
                boundGaps(gaps, n + 1);
                n++;
                continue;
            }
            if (doc.getBoolean(TOMBSTONE, false)) {
                n++;
                continue;
            }
            long commitLast = doc.getLong(COMMIT_LAST);
            if (commitLast > n) {
                // deliver a multi-event commit only when all of it is visible (or its gaps have expired)
                Boolean complete = commitComplete(docs, n, commitLast);
                if (complete == null) {
                    n = commitLast + 1; // the commit failed and was tombstoned: skip all of it
                    continue;
                }
                if (!complete) {
                    break;
                }
            }
            boundGaps(gaps, n);
            result.add(tracked(doc, GapAwareTrackingToken.newInstance(n, new TreeSet<>(gaps))));
            n++;
        }
        return result;
    }

    /**
     * @return {@code true} if every number of the commit from {@code n} on is visible or its gap has expired,
     * {@code false} if the tracker has to wait, {@code null} if the commit was tombstoned.
     */
    private Boolean commitComplete(Map<Long, Document> docs, long n, long commitLast) {
        List<Long> missing = new ArrayList<>();
        for (long i = n + 1; i <= commitLast; i++) {
            if (!docs.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            docs.putAll(findByIds(missing));
        }
        boolean complete = true;
        for (long i = n + 1; i <= commitLast; i++) {
            Document member = docs.get(i);
            if (member == null) {
                if (!gapExpired(i)) {
                    complete = false;
                }
            } else if (member.getBoolean(TOMBSTONE, false)) {
                return null;
            }
        }
        return complete;
    }

    private void boundGaps(TreeSet<Long> gaps, long index) {
        gaps.headSet(index - maxGapOffset).clear();
        while (gaps.size() > maxGaps) {
            Long dropped = gaps.pollFirst();
            logger.warn("Gap {} dropped from the tracking token (more than {} gaps); "
                                + "if it ever becomes visible it will not be delivered", dropped, maxGaps);
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

    private long readCounter() {
        Document counter = counters.find(Filters.eq(ID, counterId)).first();
        return counter == null ? 0L : ((Number) counter.get(COUNTER_VALUE)).longValue();
    }

    /**
     * Whether the allocated number {@code n} was allocated at least {@code gapTimeout} ago, judged by this engine's
     * clock: the age of a number is at least the age of the oldest observation of the counter at or beyond it.
     */
    private synchronized boolean gapExpired(long n) {
        long now = clock.millis();
        long cutoff = now - gapTimeout.toMillis();
        while (!counterSamples.isEmpty() && counterSamples.peekFirst()[0] <= cutoff) {
            expiredUpTo = Math.max(expiredUpTo, counterSamples.pollFirst()[1]);
        }
        if (n <= expiredUpTo) {
            return true;
        }
        long[] newest = counterSamples.peekLast();
        if (newest == null || newest[1] < n) {
            long counter = readCounter();
            recordCounterSample(clock.millis(), counter); // time taken after the read: never makes a number older
        }
        return false;
    }

    private synchronized void recordCounterSample(long time, long counterValue) {
        long[] newest = counterSamples.peekLast();
        if (newest != null && newest[1] >= counterValue) {
            return;
        }
        if (newest != null && newest[0] >= time) {
            newest[1] = counterValue; // same instant: the counter was at least this high then
            return;
        }
        counterSamples.addLast(new long[]{time, counterValue});
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
        long counter = readCounter();
        if (counter == 0) {
            return null;
        }
        // Numbers allocated near the head may still be in flight: keep the invisible ones as gaps.
        List<Long> recent = new ArrayList<>();
        for (long n = Math.max(1, counter - batchSize + 1); n <= counter; n++) {
            recent.add(n);
        }
        Map<Long, Document> docs = findByIds(recent);
        TreeSet<Long> gaps = new TreeSet<>();
        for (Long n : recent) {
            if (!docs.containsKey(n) && n < counter) {
                gaps.add(n);
            }
        }
        long index = counter;
        if (!docs.containsKey(counter)) {
            // the head itself is in flight: start just before it, the others stay gaps
            index = counter - 1;
            gaps.tailSet(index).clear();
        }
        boundGaps(gaps, index);
        return index == 0 && gaps.isEmpty() ? null : GapAwareTrackingToken.newInstance(index, gaps);
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

    public MongoCollection<Document> counterCollection() {
        return counters;
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
     * {@code snapshots}, {@code eventSequence}; gap timeout 60 s; maxGapOffset 10,000; maxGaps 64; batch size 100;
     * system UTC clock; duplicate-key aware persistence exception resolver; indexes ensured on construction.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(60);

        private MongoDatabase database;
        private String eventsCollectionName = "events";
        private String snapshotsCollectionName = "snapshots";
        private String countersCollectionName = "eventSequence";
        private Duration gapTimeout = DEFAULT_GAP_TIMEOUT;
        private int maxGapOffset = 10_000;
        private int maxGaps = 64;
        private Clock clock = Clock.systemUTC();
        private int batchSize = 100;
        private boolean ensureIndexes = true;

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

        public Builder countersCollectionName(String name) {
            assertNonNull(name, "The counters collection name may not be null");
            this.countersCollectionName = name;
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

        /** The clock the gap timeout is measured with (the reader's, never the writers'). */
        public Builder clock(Clock clock) {
            assertNonNull(clock, "The Clock may not be null");
            this.clock = clock;
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
        }

        public MongoSequencedEventStorageEngine build() {
            return new MongoSequencedEventStorageEngine(this);
        }
    }
}
