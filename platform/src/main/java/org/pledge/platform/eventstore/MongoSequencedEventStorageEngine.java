package org.pledge.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on MongoDB that gives every event a
 * dense global sequence number and tracks with a {@link GapAwareTrackingToken}.
 * <p>
 * Storage (see {@code docs/adr/0004-sequenced-mongo-event-store.md}; the format is {@link EventDocuments}):
 * <ul>
 *     <li>events collection: one document per event, {@code _id} = global sequence number (from 1), unique
 *     {@code aggregateKey = <aggregateIdentifier>/<sequenceNumber>}, non-unique {@code (aggregateIdentifier,
 *     sequenceNumber)} and {@code timeStamp}, optionally unique {@code eventIdentifier};</li>
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
 * <p>
 * This class wires the parts together and answers Axon; each part is a class of this package (reading order in
 * {@code package-info.java}): {@link GlobalSequenceAllocator}, {@link EventAppender}, {@link Tombstones},
 * {@link GapExpiry}, {@link LookAhead}, {@link TrackedEventReader}, {@link AggregateEventReader},
 * {@link SnapshotStore}.
 */
public class MongoSequencedEventStorageEngine extends BatchingEventStorageEngine {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final Duration gapTimeout;
    private final boolean secondaryUniqueIndexes;
    private final EventAppender appender;
    private final LookAhead lookAhead;
    private final TrackedEventReader trackedReader;
    private final AggregateEventReader aggregateReader;
    private final SnapshotStore snapshotStore;

    protected MongoSequencedEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(builder.eventsCollectionName);
        this.snapshots = builder.database.getCollection(builder.snapshotsCollectionName);
        this.gapTimeout = builder.gapTimeout;
        this.secondaryUniqueIndexes = builder.secondaryUniqueIndexes;
        if (builder.ensureIndexes) {
            ensureIndexes();
        }
        long head = EventDocuments.highestStored(events);
        GlobalSequenceAllocator allocator = new GlobalSequenceAllocator(events, builder.batchSize, head);
        GapExpiry gapExpiry = new GapExpiry(builder.clock, gapTimeout, head);
        Tombstones tombstones = new Tombstones(events, gapTimeout);
        this.appender = new EventAppender(events, allocator, tombstones, new EventAppender.Engine() {
            @Override
            public void beforeInsert(long firstGlobalSequence, long lastGlobalSequence) {
                MongoSequencedEventStorageEngine.this.beforeInsert(firstGlobalSequence, lastGlobalSequence);
            }

            @Override
            public void handlePersistenceException(Exception exception, EventMessage<?> failedEvent) {
                MongoSequencedEventStorageEngine.this.handlePersistenceException(exception, failedEvent);
            }
        });
        this.lookAhead = new LookAhead(builder.pollInterval, builder.nanoTime, builder.pause,
                                       () -> Math.max(gapExpiry.highestSeen(), allocator.highestAllocated()));
        this.trackedReader = new TrackedEventReader(events, gapExpiry, tombstones, lookAhead, builder.maxGapOffset,
                                                    builder.maxGaps, builder.batchSize);
        this.aggregateReader = new AggregateEventReader(events, builder.batchSize);
        this.snapshotStore = new SnapshotStore(snapshots);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the indexes every query of this engine needs on real MongoDB. Idempotent.
     */
    public void ensureIndexes() {
        EventDocuments.ensureIndexes(events, secondaryUniqueIndexes);
    }

    // ------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        appender.append(eventMessages, serializer);
    }

    /**
     * Hook between choosing the global sequence numbers of a commit and inserting its events. Tests use it to
     * simulate slow commits.
     */
    protected void beforeInsert(long firstGlobalSequence, long lastGlobalSequence) {
    }

    // ------------------------------------------------------------------------------------------ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshotStore.store(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshotStore.read(aggregateIdentifier);
    }

    // ------------------------------------------------------------------------------------------ aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return aggregateReader.fetch(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long from = readSnapshotData(aggregateIdentifier).findFirst().map(DomainEventData::getSequenceNumber)
                                                         .orElse(0L);
        return aggregateReader.lastSequenceNumber(aggregateIdentifier, from);
    }

    // ------------------------------------------------------------------------------------------ tracking

    /**
     * Reads the next events after {@code lastToken} in global-sequence order ({@link TrackedEventReader}), asking for
     * exact {@code _id}s up to a look-ahead, and at the head at most once per poll interval ({@link LookAhead}).
     */
    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return trackedReader.fetch(lastToken, batchSize);
    }

    /** For tests: how many numbers above {@code index} a tracked read asks for ({@link LookAhead}). */
    int lookAhead(long index, int batchSize, int beyond) {
        return lookAhead.numbersToRead(index, batchSize, beyond);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return trackedReader.headToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return trackedReader.tokenAt(dateTime);
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

    /**
     * The documents at these global sequence numbers exactly as stored, events and tombstones ({@link StoredEvent}),
     * by number; a number without a document is absent. One exact-value look-up ({@code _id $in}). For readers that
     * must see the store as it is, not as Axon delivers it (the audit chain).
     */
    public Map<Long, StoredEvent> storedAt(Collection<Long> globalSequences) {
        return EventDocuments.storedAt(events, globalSequences);
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
            persistenceExceptionResolver(DuplicateKeys::isDuplicateKeyException);
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
         * see {@link LookAhead}. Measured with {@link System#nanoTime()}: an interval, not a date.
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
