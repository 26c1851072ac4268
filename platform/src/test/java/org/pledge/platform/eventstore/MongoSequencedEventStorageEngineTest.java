package org.pledge.platform.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.time.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoSequencedEventStorageEngineTest {

    private MongoFixture mongo;
    private MongoDatabase db;
    private MutableClock clock;
    private MongoSequencedEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        mongo = new MongoFixture();
        db = mongo.newDatabaseConnection("pledge");
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        engine = mongo.engineBuilder(db).gapTimeout(Duration.ofSeconds(60)).clock(clock).batchSize(10).build();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void appendsAtTheSameAggregateSequence_oneWins_andTheOtherGetsAConcurrencyException() throws Exception {
        MongoSequencedEventStorageEngine other = mongo.engineBuilder(mongo.newDatabaseConnection("pledge")).build();
        engine.appendEvents(event("agg", 0));
        for (int round = 1; round <= 20; round++) {
            CyclicBarrier barrier = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Throwable>> outcomes = new ArrayList<>();
            for (MongoSequencedEventStorageEngine e : List.of(engine, other)) {
                long seq = 2L * round - 1;
                outcomes.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        e.appendEvents(event("agg", seq), event("agg", seq + 1)); // 2-event commit
                        return null;
                    } catch (Throwable t) {
                        return t;
                    }
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<Throwable> f : outcomes) {
                Throwable t = f.get(10, TimeUnit.SECONDS);
                if (t != null) {
                    failures.add(t);
                }
            }
            pool.shutdown();
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).isInstanceOf(ConcurrencyException.class);
        }
        assertThat(engine.lastSequenceNumberFor("agg")).contains(40L);
        // the losers' numbers are tombstoned, never delivered
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).hasSize(41);
        assertThat(all).extracting(e -> ((TestEvent) e.getPayload()).sequence()).containsExactlyElementsOf(range(0, 41));
    }

    @Test
    void aggregateRead_spansBatchesFromASequence_andFindsTheLastSequenceNumber() {
        for (int i = 0; i < 25; i++) {
            engine.appendEvents(event("a", i), event("b", i));
        }
        assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(range(0, 25));
        assertThat(engine.readEvents("a", 13).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(range(13, 25));
        assertThat(engine.lastSequenceNumberFor("a")).contains(24L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
        assertThatThrownBy(() -> engine.appendEvents(event("a", 7))).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void snapshots_newestWins_andShortenTheLastSequenceLookup() {
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(event("a", i));
        }
        engine.storeSnapshot(event("a", 3));
        engine.storeSnapshot(event("a", 1)); // older: ignored
        assertThat(engine.readSnapshot("a")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(3L);
        engine.storeSnapshot(event("a", 4));
        assertThat(engine.readSnapshot("a")).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(4L);
        assertThat(engine.readSnapshot("b")).isEmpty();
        assertThat(engine.lastSequenceNumberFor("a")).contains(4L);
    }

    @Test
    void upcasters_applyOnRead_forAggregatesAndTracking() {
        engine.appendEvents(event("a", 0));
        MongoSequencedEventStorageEngine upcasting = mongo.engineBuilder(db).upcasterChain(new SingleEventUpcaster() {
            @Override
            protected boolean canUpcast(IntermediateEventRepresentation r) {
                return r.getType().getName().equals(TestEvent.class.getName()) && r.getType().getRevision() == null;
            }

            @Override
            protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation r) {
                return r.upcastPayload(new SimpleSerializedType(TestEvent.class.getName(), "2"), String.class,
                                       json -> json.replace("\"w\"", "\"upcast\""));
            }
        }).build();
        assertThat(upcasting.readEvents("a").asStream().map(e -> ((TestEvent) e.getPayload()).writer()))
                .containsExactly("upcast");
        assertThat(upcasting.readEvents(null, false).map(e -> ((TestEvent) e.getPayload()).writer()))
                .containsExactly("upcast");
    }

    @Test
    void nonDomainEvents_areStoredAndTracked() {
        engine.appendEvents(GenericEventMessage.asEventMessage("plain"));
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getPayload()).isEqualTo("plain");
        assertThat(all.get(0)).isNotInstanceOf(DomainEventMessage.class);
    }

    @Test
    void tokens_forTailHeadAndTime() {
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isNull();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            engine.appendEvents(event("a", i, t0.plusSeconds(i * 10L)));
        }
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(5, List.of()));
        TrackingToken at = engine.createTokenAt(t0.plusSeconds(25));
        assertThat(at).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of()));
        assertThat(readAll(at)).extracting(e -> ((TestEvent) e.getPayload()).sequence()).containsExactly(3L, 4L);
        assertThat(engine.createTokenAt(t0.plusSeconds(1000))).isEqualTo(engine.createHeadToken());
        assertThat(readAll(engine.createHeadToken())).isEmpty();
    }

    @Test
    void tracker_waitsForAnInFlightCommitUntilTheGapTimeout_thenSealsIt_andDeliversTheSlowCommitLaterInOrder()
            throws Exception {
        AtomicBoolean block = new AtomicBoolean();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoSequencedEventStorageEngine writer =
                new MongoSequencedEventStorageEngine(mongo.engineBuilder(db).gapTimeout(Duration.ofSeconds(60))
                                                          .clock(clock)) {
                    @Override
                    protected void beforeInsert(long first, long last) {
                        if (block.compareAndSet(true, false)) {
                            entered.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                };
        writer.appendEvents(event("a", 0));                                  // 1
        block.set(true);
        Thread slow = new Thread(() -> writer.appendEvents(event("b", 0)));  // takes 2, then stalls
        slow.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        writer.appendEvents(event("a", 1));                                  // 3

        // within the gap timeout: only 1 is delivered; 3 waits for 2
        assertThat(readAllWith(writer, null)).extracting(this::index).containsExactly(1L);
        clock.advance(Duration.ofSeconds(59));
        assertThat(readAllWith(writer, null)).extracting(this::index).containsExactly(1L);

        // after it: 2 is sealed with a tombstone, 3 is delivered; the token carries no gaps
        clock.advance(Duration.ofSeconds(2));
        List<TrackedEventMessage<?>> events = readAllWith(writer, null);
        assertThat(events).extracting(this::index).containsExactly(1L, 3L);
        GapAwareTrackingToken token = (GapAwareTrackingToken) events.get(1).trackingToken();
        assertThat(token.getGaps()).isEmpty();
        assertThat(db.getCollection("events").find(Filters.eq("_id", 2L)).first().getString("tombstone"))
                .isEqualTo("sealed");

        // the slow commit lands: it collides with the seal and is retried with a fresh number, delivered in order
        release.countDown();
        slow.join(10_000);
        List<TrackedEventMessage<?>> late = readAllWith(writer, token);
        assertThat(late).extracting(this::index).containsExactly(4L);
        assertThat(((TestEvent) late.get(0).getPayload()).aggregateId()).isEqualTo("b");
        assertThat(writer.readEvents("b").asStream().count()).isEqualTo(1);
    }

    @Test
    void reader_waitsOutThePollInterval_whenAtTheHead_andNeverWhileCatchingUp() {
        long[] now = {1_000_000_000L};
        List<Long> waits = new ArrayList<>();
        MongoSequencedEventStorageEngine polling = mongo.engineBuilder(db).batchSize(10).clock(clock)
                .pollInterval(Duration.ofMillis(5))
                .pollTiming(() -> now[0], nanos -> {
                    waits.add(nanos);
                    now[0] += nanos;
                })
                .build();
        for (int i = 0; i < 25; i++) {
            engine.appendEvents(event("a", i));
        }
        // catching up: two full batches of 10, no wait before either (nor before the short third)
        TrackingToken token = null;
        List<? extends org.axonframework.eventhandling.TrackedEventData<?>> read = polling.fetchTrackedEvents(token, 10);
        assertThat(read).hasSize(10);
        read = polling.fetchTrackedEvents(read.get(9).trackingToken(), 10);
        assertThat(read).hasSize(10);
        read = polling.fetchTrackedEvents(read.get(9).trackingToken(), 10);
        assertThat(read).hasSize(5);
        assertThat(waits).isEmpty();

        // at the head: the next read waits what is left of the 5 ms since the short read...
        now[0] += 2_000_000L;
        TrackingToken head = read.get(4).trackingToken();
        engine.appendEvents(event("a", 25), event("a", 26));
        assertThat(polling.fetchTrackedEvents(head, 10)).hasSize(2);
        assertThat(waits).containsExactly(3_000_000L);
        // ...and none once the interval has passed
        now[0] += 6_000_000L;
        assertThat(polling.fetchTrackedEvents(head, 10)).hasSize(2);
        assertThat(waits).containsExactly(3_000_000L);
        // another thread keeps its own interval: it never read short, so it does not wait
        List<Long> otherThread = new ArrayList<>();
        Thread other = new Thread(() -> otherThread.add((long) polling.fetchTrackedEvents(head, 10).size()));
        other.start();
        org.assertj.core.api.Assertions.assertThatCode(other::join).doesNotThrowAnyException();
        assertThat(otherThread).containsExactly(2L);
        assertThat(waits).containsExactly(3_000_000L);
    }

    @Test
    void aReadAsksForTheNumbersKnownAboveItsIndexPlusAFew_andFollowsAnotherEnginesWritesWithoutWaiting() {
        for (int i = 0; i < 25; i++) {
            engine.appendEvents(event("a", i));
        }
        List<Long> waits = new ArrayList<>();
        MongoSequencedEventStorageEngine reader = mongo.engineBuilder(db).batchSize(100).clock(clock)
                .pollInterval(Duration.ofMillis(5)).pollTiming(System::nanoTime, waits::add).build();
        int beyond = LookAhead.LOOK_BEYOND_HEAD;
        assertThat(reader.lookAhead(0, 100, beyond)).isEqualTo(25 + beyond); // it saw 25 stored when it started
        assertThat(reader.lookAhead(25, 100, beyond)).isEqualTo(beyond);
        assertThat(reader.lookAhead(0, 20, beyond)).isEqualTo(20); // never more than a batch

        // this thread's first read asks for a whole batch, finds the 25 and comes back short: it is at the head
        assertThat(reader.fetchTrackedEvents(null, 100)).hasSize(25);

        // another engine writes what the reader does not know of: each read that finds all it asked for looks twice
        // as far the next time (4, 8, 16 beyond), in order; only the first read waits (what is left of the interval)
        int written = beyond + 2 * beyond + 4 * beyond;
        for (int i = 25; i < 25 + written; i++) {
            engine.appendEvents(event("a", i));
        }
        TrackingToken token = GapAwareTrackingToken.newInstance(25, List.of());
        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int read = 0; read < 3; read++) {
            List<? extends org.axonframework.eventhandling.TrackedEventData<?>> batch = reader.fetchTrackedEvents(token, 100);
            sizes.add(batch.size());
            for (var e : batch) {
                seen.add(((GapAwareTrackingToken) e.trackingToken()).getIndex());
            }
            token = batch.get(batch.size() - 1).trackingToken();
        }
        assertThat(sizes).containsExactly(beyond, 2 * beyond, 4 * beyond);
        assertThat(seen).containsExactlyElementsOf(range(26, 26 + written));
        assertThat(waits).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void byDefaultThereIsNoPollInterval_soNoReadWaits() {
        List<Long> waits = new ArrayList<>();
        MongoSequencedEventStorageEngine plain = mongo.engineBuilder(db).batchSize(10).clock(clock)
                .pollTiming(System::nanoTime, waits::add).build();
        engine.appendEvents(event("a", 0));
        for (int i = 0; i < 3; i++) {
            assertThat(plain.fetchTrackedEvents(null, 10)).hasSize(1);
        }
        assertThat(waits).isEmpty();
    }

    @Test
    void headToken_keepsNumbersStillInFlightAsGaps() {
        engine.appendEvents(event("a", 0));                                     // 1
        db.getCollection("events").insertOne(new Document("_id", 3L)            // 3 visible, 2 in flight
                .append("tombstone", "sealed").append("aggregateIdentifier", "x").append("sequenceNumber", 3L)
                .append("aggregateKey", "x/3").append("eventIdentifier", "x/3").append("commitFirst", 3L)
                .append("commitLast", 3L));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of(2L)));
    }

    @Test
    void storedAt_readsEventsAndTombstonesExactlyAsStored_andNamesAFieldOfAnUnexpectedType() {
        Instant at = Instant.parse("2026-02-03T04:05:06.789Z");
        engine.appendEvents(event("a", 0, at), event("a", 1, at));
        engine.appendEvents(GenericEventMessage.asEventMessage("plain"));
        db.getCollection("events").insertOne(EventDocuments.tombstone(4, EventDocuments.SEALED, 4));
        db.getCollection("events").updateOne(new Document("_id", 2L),
                new Document("$set", new Document("timeStamp", "yesterday")));

        Map<Long, StoredEvent> stored = engine.storedAt(List.of(1L, 2L, 3L, 4L, 5L));

        assertThat(stored).containsOnlyKeys(1L, 2L, 3L, 4L);
        Document first = db.getCollection("events").find(new Document("_id", 1L)).first();
        assertThat(stored.get(1L)).isEqualTo(new StoredEvent(1, null, "a", 0, "TestAggregate",
                first.getString("eventIdentifier"), TestEvent.class.getName(), null, at,
                first.getString("serializedMetaData"), first.getString("serializedPayload"), null));
        assertThat(stored.get(1L).payload()).contains("\"writer\":\"w\"");
        assertThat(stored.get(2L).timestamp()).isNull();
        assertThat(stored.get(2L).unreadable()).isEqualTo("timeStamp");
        StoredEvent plain = stored.get(3L);
        assertThat(plain.type()).isNull();
        assertThat(plain.aggregateIdentifier()).isEqualTo(plain.eventIdentifier());
        assertThat(stored.get(4L)).isEqualTo(new StoredEvent(4, "sealed", null, 0, null, null, null, null, null, null,
                null, null));
        assertThat(stored.get(4L).isTombstone()).isTrue();
        assertThat(engine.storedAt(List.of())).isEmpty();
    }

    @Test
    void engine_declaresTheIndexesRealMongoDbNeeds() {
        Map<String, Document> indexes = db.getCollection("events").listIndexes().into(new ArrayList<>()).stream()
                                          .collect(Collectors.toMap(d -> d.getString("name"), d -> d));
        // no unique eventIdentifier index by default: aggregateKey is unique for every event (see the builder)
        assertThat(indexes).containsOnlyKeys("_id_", "uniqueAggregateKey", "aggregateSequence", "timeStamp");
        assertIndex(indexes.get("uniqueAggregateKey"), new Document("aggregateKey", 1), true);
        assertIndex(indexes.get("aggregateSequence"),
                    new Document("aggregateIdentifier", 1).append("sequenceNumber", 1), false);
        assertIndex(indexes.get("timeStamp"), new Document("timeStamp", 1), false);
    }

    private static void assertIndex(Document index, Document key, boolean unique) {
        assertThat(index.get("key", Document.class)).isEqualTo(key);
        assertThat(index.getBoolean("unique", false)).isEqualTo(unique);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private long index(TrackedEventMessage<?> e) {
        return ((GapAwareTrackingToken) e.trackingToken()).getIndex();
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        return readAllWith(engine, from);
    }

    private static List<TrackedEventMessage<?>> readAllWith(MongoSequencedEventStorageEngine e, TrackingToken from) {
        return e.readEvents(from, false).collect(Collectors.toList());
    }

    private static List<Long> range(long from, long to) {
        List<Long> r = new ArrayList<>();
        for (long i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    static DomainEventMessage<?> event(String aggregate, long seq) {
        return event(aggregate, seq, Instant.now());
    }

    static DomainEventMessage<?> event(String aggregate, long seq, Instant timestamp) {
        return new GenericDomainEventMessage<>("TestAggregate", aggregate, seq, new TestEvent(aggregate, seq, "w"),
                                               MetaData.with("k", "v"), UUID.randomUUID().toString(), timestamp);
    }
}
