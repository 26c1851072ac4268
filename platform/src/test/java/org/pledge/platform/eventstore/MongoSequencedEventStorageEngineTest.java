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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import java.util.concurrent.atomic.AtomicReference;
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
    void twoConcurrentAppendsAtTheSameAggregateSequenceOneWinsTheOtherGetsAConcurrencyException() throws Exception {
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
    void readsAnAggregateAcrossBatchesFromASequenceAndFindsTheLastSequenceNumber() {
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
    void snapshotsNewestWinsAndShortenLastSequenceLookup() {
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
    void upcastsOnReadForAggregatesAndTracking() {
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
    void nonDomainEventsAreStoredAndTracked() {
        engine.appendEvents(GenericEventMessage.asEventMessage("plain"));
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getPayload()).isEqualTo("plain");
        assertThat(all.get(0)).isNotInstanceOf(DomainEventMessage.class);
    }

    @Test
    void tailHeadAndTimeTokens() {
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
    void trackerWaitsForAGapUntilTheGapTimeoutThenSkipsItAndStillDeliversItLateWhileRemembered() {
        engine.appendEvents(event("a", 0));                        // 1
        long reserved = reserve(1);                                 // 2: allocated, in flight
        engine.appendEvents(event("a", 1));                        // 3
        assertThat(reserved).isEqualTo(2);

        // within the gap timeout: only 1 is delivered, in order
        assertThat(readAll(null)).extracting(this::index).containsExactly(1L);
        clock.advance(Duration.ofSeconds(59));
        assertThat(readAll(null)).extracting(this::index).containsExactly(1L);

        // after it: 2 is given up on, 3 is delivered and 2 stays a gap in the (small) token
        clock.advance(Duration.ofSeconds(2));
        List<TrackedEventMessage<?>> events = readAll(null);
        assertThat(events).extracting(this::index).containsExactly(1L, 3L);
        GapAwareTrackingToken token = (GapAwareTrackingToken) events.get(1).trackingToken();
        assertThat(token.getGaps()).containsExactly(2L);

        // the slow commit finally lands: delivered late, and the gap is closed
        insertRaw(2, event("b", 0));
        List<TrackedEventMessage<?>> late = readAll(token);
        assertThat(late).hasSize(1);
        assertThat(((TestEvent) late.get(0).getPayload()).aggregateId()).isEqualTo("b");
        assertThat(((GapAwareTrackingToken) late.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void gapsInTheTokenAreBounded() {
        MongoSequencedEventStorageEngine bounded =
                mongo.engineBuilder(db).clock(clock).gapTimeout(Duration.ZERO).maxGaps(3).maxGapOffset(1000).build();
        for (int i = 0; i < 10; i++) {
            reserve(1);
            bounded.appendEvents(event("a", i));
        }
        clock.advance(Duration.ofSeconds(1));
        readAllWith(bounded, null); // first pass records the counter, the next one sees the gaps expired
        clock.advance(Duration.ofSeconds(1));
        List<TrackedEventMessage<?>> events = readAllWith(bounded, null);
        assertThat(events).hasSize(10);
        GapAwareTrackingToken last = (GapAwareTrackingToken) events.get(9).trackingToken();
        assertThat(last.getIndex()).isEqualTo(20);
        assertThat(last.getGaps()).containsExactly(15L, 17L, 19L);
    }

    @Test
    void declaresTheIndexesRealMongoDbNeeds() {
        Map<String, Document> indexes = db.getCollection("events").listIndexes().into(new ArrayList<>()).stream()
                                          .collect(Collectors.toMap(d -> d.getString("name"), d -> d));
        assertThat(indexes).containsKeys("_id_", "uniqueAggregateKey", "uniqueAggregateSequence",
                                         "uniqueEventIdentifier", "timeStamp");
        assertIndex(indexes.get("uniqueAggregateKey"), new Document("aggregateKey", 1), true);
        assertIndex(indexes.get("uniqueAggregateSequence"),
                    new Document("aggregateIdentifier", 1).append("sequenceNumber", 1), true);
        assertIndex(indexes.get("uniqueEventIdentifier"), new Document("eventIdentifier", 1), true);
        assertIndex(indexes.get("timeStamp"), new Document("timeStamp", 1), false);
    }

    private static void assertIndex(Document index, Document key, boolean unique) {
        assertThat(index.get("key", Document.class)).isEqualTo(key);
        assertThat(index.getBoolean("unique", false)).isEqualTo(unique);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private long reserve(int count) {
        Document before = db.getCollection("eventSequence").findOneAndUpdate(
                Filters.eq("_id", "events"), new Document("$inc", new Document("value", (long) count)),
                new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
        return (before == null ? 0 : before.getLong("value")) + count;
    }

    private void insertRaw(long globalSequence, DomainEventMessage<?> event) {
        MongoSequencedEventStorageEngine writer = new MongoSequencedEventStorageEngine(mongo.engineBuilder(db)) {
        };
        // write through a throwaway engine, then move the document to the reserved number
        writer.appendEvents(event);
        Document doc = db.getCollection("events").findOneAndDelete(Filters.eq("eventIdentifier", event.getIdentifier()));
        doc.put("_id", globalSequence);
        doc.put("commitFirst", globalSequence);
        doc.put("commitLast", globalSequence);
        db.getCollection("events").insertOne(doc);
    }

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

    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
