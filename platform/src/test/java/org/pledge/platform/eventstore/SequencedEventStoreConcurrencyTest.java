package org.pledge.platform.eventstore;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * 4 writer threads on two engine instances sharing one database append 50,000 events over 400 aggregates while a
 * tracking stream reads. Two commits are delayed 5 s between allocation and insert, two writers stamp their events
 * with a clock 5 s behind, and some multi-aggregate commits fail part-way (and are tombstoned). Every successfully
 * appended event must be received exactly once, in global-sequence order; the serialized token must stay < 2 KB.
 */
class SequencedEventStoreConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 12_500;
    private static final int TOTAL = WRITERS * EVENTS_PER_WRITER;

    private final ThreadLocal<Boolean> delayNextCommit = ThreadLocal.withInitial(() -> false);
    private final Set<Long> delayedNumbers = ConcurrentHashMap.newKeySet();

    private MongoSequencedEventStorageEngine engine(MongoFixture mongo, MongoDatabase db) {
        return new MongoSequencedEventStorageEngine(mongo.engineBuilder(db).gapTimeout(Duration.ofSeconds(10))) {
            @Override
            protected void beforeInsert(long first, long last) {
                if (delayNextCommit.get()) {
                    delayNextCommit.set(false);
                    for (long n = first; n <= last; n++) {
                        delayedNumbers.add(n);
                    }
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    @Test
    void everyEvent_isReceivedOnceInGlobalOrder_whenCommitsAreSlowAndClocksSkewed() throws Exception {
        long started = System.nanoTime();
        try (MongoFixture mongo = new MongoFixture()) {
            MongoSequencedEventStorageEngine engineA = engine(mongo, mongo.newDatabaseConnection("pledge"));
            MongoSequencedEventStorageEngine engineB = engine(mongo, mongo.newDatabaseConnection("pledge"));
            MongoSequencedEventStorageEngine[] engines = {engineA, engineB};

            Set<String> written = ConcurrentHashMap.newKeySet();
            AtomicInteger rejectedCommits = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(writers.submit(() -> write(writer, engines[writer % 2], written, rejectedCommits)));
            }

            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engineA).fetchDelay(50)
                                                         .optimizeEventConsumption(false).build();
            Set<String> received = new java.util.HashSet<>();
            long lastIndex = 0;
            int maxTokenBytes = 0;
            int maxGaps = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
                while (received.size() < TOTAL && System.nanoTime() < deadline) {
                    if (!stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    GapAwareTrackingToken token = (GapAwareTrackingToken) event.trackingToken();
                    assertThat(token.getIndex()).as("global-sequence order").isGreaterThan(lastIndex);
                    lastIndex = token.getIndex();
                    assertThat(received.add(event.getIdentifier())).as("received once: %s", event.getIdentifier())
                                                                  .isTrue();
                    maxGaps = Math.max(maxGaps, token.getGaps().size());
                    if (token.hasGaps() || received.size() % 100 == 0) {
                        maxTokenBytes = Math.max(maxTokenBytes, MongoFixture.SERIALIZER
                                .serialize(token, byte[].class).getData().length);
                    }
                }
                for (Future<?> f : futures) {
                    f.get(10, TimeUnit.SECONDS);
                }
                // nothing more may arrive (e.g. a part of a failed commit)
                assertThat(stream.hasNextAvailable(1500, TimeUnit.MILLISECONDS)).isFalse();
            } finally {
                writers.shutdownNow();
                store.shutDown();
            }

            assertThat(written).hasSize(TOTAL);
            assertThat(received).isEqualTo(written);
            assertThat(delayedNumbers).as("delayed commits happened").isNotEmpty();
            assertThat(rejectedCommits.get()).as("part-way failed commits happened").isPositive();
            assertThat(maxTokenBytes).as("serialized token size").isLessThan(2048);
            System.out.printf("concurrency test: %d events, %d delayed numbers, %d rejected commits, "
                                      + "max token %d bytes, max gaps %d, %.1f s%n",
                              received.size(), delayedNumbers.size(), rejectedCommits.get(), maxTokenBytes,
                              maxGaps, (System.nanoTime() - started) / 1e9);
        }
    }

    private void write(int writer, MongoSequencedEventStorageEngine engine, Set<String> written,
                       AtomicInteger rejectedCommits) {
        Random random = new Random(writer);
        Map<String, Long> nextSeq = new HashMap<>();
        boolean skewed = writer % 2 == 1; // writers 1 and 3: clock 5 s behind
        int count = 0;
        int commit = 0;
        while (count < EVENTS_PER_WRITER) {
            commit++;
            String aggregate = "w" + writer + "-" + (commit % 100);
            long seq = nextSeq.getOrDefault(aggregate, 0L);
            if (commit % 1_000 == 0 && seq > 0) {
                // multi-aggregate commit failing part-way: a fresh event for another aggregate, then a stale one
                String other = "w" + writer + "-" + ((commit + 1) % 100);
                long otherSeq = nextSeq.getOrDefault(other, 0L);
                List<DomainEventMessage<?>> events = List.of(event(other, otherSeq, writer, skewed),
                                                             event(aggregate, seq - 1, writer, skewed));
                try {
                    engine.appendEvents(events);
                    fail("stale append must be rejected");
                } catch (ConcurrencyException expected) {
                    rejectedCommits.incrementAndGet();
                }
                continue;
            }
            int k = Math.min(1 + random.nextInt(3), EVENTS_PER_WRITER - count);
            List<DomainEventMessage<?>> events = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                events.add(event(aggregate, seq + i, writer, skewed));
            }
            if (writer < 2 && (commit == 1_500 || commit == 4_000)) {
                delayNextCommit.set(true);
            }
            engine.appendEvents(events);
            events.forEach(e -> written.add(e.getIdentifier()));
            nextSeq.put(aggregate, seq + k);
            count += k;
        }
    }

    private static DomainEventMessage<?> event(String aggregate, long seq, int writer, boolean skewed) {
        Instant timestamp = skewed ? Instant.now().minusSeconds(5) : Instant.now();
        return new GenericDomainEventMessage<>("TestAggregate", aggregate, seq,
                                               new TestEvent(aggregate, seq, "w" + writer), MetaData.emptyInstance(),
                                               UUID.randomUUID().toString(), timestamp);
    }
}
