package org.pledge.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.testsupport.infra.MemoryMongo;

/**
 * A counter per aggregate kept through {@link SequencedDocuments} in batches run the way an event processor runs them
 * (a {@link BatchingUnitOfWork} with {@link BatchEndTasks} around each event), on mongo-java-server.
 */
class SequencedDocumentsTest {

    /** The test's read model: a counter of events per aggregate, with fields other writers set. */
    public record Counter(@BsonId String id, Integer count, List<String> links, String note, String other) {
        Counter withCount(int count) {
            return new Counter(id, count, links, note, other);
        }

        Counter withLinks(List<String> links) {
            return new Counter(id, count, links, note, other);
        }

        Counter withNote(String note) {
            return new Counter(id, count, links, note, other);
        }
    }

    private final List<String> commands = new ArrayList<>();
    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (List.of("find", "insert", "update").contains(event.getCommandName())) {
                commands.add(event.getCommandName());
            }
        }
    });
    private MongoCollection<Document> collection;
    private SequencedDocuments<Counter> documents;

    @BeforeEach
    void setUp() {
        collection = mongo.database("test").getCollection("counters");
        collection.createIndex(Indexes.ascending("_id", "seq"), new IndexOptions().unique(true));
        documents = new SequencedDocuments<>(counters(), "seq",
                e -> e instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null);
        commands.clear();
    }

    @Test
    void aBatchOfManyEventsOverManyAggregates_costsOneReadAndOneWriteOfEachKind() {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            for (int a = 0; a < 20; a++) {
                batch.add(event("a" + a, seq));
            }
        }

        runBatch(batch);

        assertThat(commands).containsExactly("find", "insert"); // 100 events, 20 new documents
        assertThat(count("a7")).isEqualTo(5);
        assertThat(collection.find(new Document("_id", "a7")).first().get("seq", Number.class).longValue()).isEqualTo(4L);

        commands.clear();
        runBatch(List.of(event("a1", 5), event("a2", 5), event("a1", 6)));
        assertThat(commands).containsExactly("find", "update"); // compare-and-set replaces
        assertThat(count("a1")).isEqualTo(7);
        assertThat(count("a2")).isEqualTo(6);
    }

    @Test
    void aRedeliveredBatch_changesNothing() {
        List<EventMessage<?>> batch = List.of(event("a", 0), event("a", 1), event("b", 0));
        runBatch(batch);
        commands.clear();

        runBatch(batch);

        assertThat(commands).containsExactly("find"); // nothing to write
        assertThat(count("a")).isEqualTo(2);
        assertThat(count("b")).isEqualTo(1);
    }

    @Test
    void aBatchThatFailsBeforeItsEnd_writesNothing() {
        List<EventMessage<?>> batch = List.of(event("a", 0), event("a", 1), event("boom", 0));

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> new BatchEndTasks().handle(current(), () -> {
            if (current().getMessage() instanceof DomainEventMessage<?> d && d.getAggregateIdentifier().equals("boom")) {
                throw new IllegalStateException("handler failed");
            }
            return handle(current().getMessage());
        }));

        assertThat(collection.countDocuments()).isZero();
    }

    @Test
    void aDocumentAnotherWriterChangedMeanwhile_getsThisBatchsChangesOnTopOfTheStoredOne() {
        runBatch(List.of(event("a", 0)));
        AtomicInteger round = new AtomicInteger();

        runBatch(List.of(event("a", 1), event("a", 2)), () -> {
            if (round.getAndIncrement() == 0) {
                // after this batch read "a" at seq 0: another instance applies event 1 and an extra field
                collection.replaceOne(new Document("_id", "a"),
                        new Document("_id", "a").append("seq", 1L).append("count", 2).append("other", "kept"));
            }
        });

        Document stored = collection.find(new Document("_id", "a")).first();
        assertThat(stored.get("seq", Number.class).longValue()).isEqualTo(2L);
        assertThat(stored.getInteger("count")).isEqualTo(3); // event 1 once (theirs), event 2 once (ours)
        assertThat(stored.getString("other")).isEqualTo("kept");
    }

    @Test
    void aChangeWrittenAtOnce_byAnotherSegmentOrThisBatch_survivesThisBatchsWrite() {
        runBatch(List.of(event("a", 0)));

        // this batch holds "a" and links it at once (mirrored into its copy), then changes it by its own event
        runBatch(List.of(event("a", 1)), () -> documents.updateAtOnce("a",
                com.mongodb.client.model.Updates.addToSet("links", "f1"),
                d -> d.withLinks(List.of("f1"))));

        Document stored = collection.find(new Document("_id", "a")).first();
        assertThat(stored.getList("links", String.class)).containsExactly("f1");
        assertThat(stored.getInteger("count")).isEqualTo(2);
    }

    @Test
    void aFieldWrittenAtOnce_byAnotherSegment_whileThisBatchHoldsTheDocument_survivesThisBatchsWrite() {
        documents = new SequencedDocuments<>(counters(), "seq",
                e -> e instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null, Set.of("links"));
        runBatch(List.of(event("a", 0)));

        // another segment links "a" after this batch read it and before this batch writes it: no mirror here
        runBatch(List.of(event("a", 1), event("b", 0)), () -> new SequencedDocuments<>(counters(), "seq", e -> null,
                Set.of("links")).updateAtOnce("a", Updates.addToSet("links", "f2"), d -> d));

        Document stored = collection.find(new Document("_id", "a")).first();
        assertThat(stored.getList("links", String.class)).containsExactly("f2");
        assertThat(stored.getInteger("count")).isEqualTo(2);
        assertThat(stored.get("seq", Number.class).longValue()).isEqualTo(1L);
    }

    @Test
    void aFieldTheBatchRemoves_isRemovedFromTheStore_whenFieldsAreWrittenAtOnce() {
        documents = new SequencedDocuments<>(counters(), "seq",
                e -> e instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null, Set.of("links"));
        runBatch(List.of(event("a", 0)));
        collection.updateOne(new Document("_id", "a"), Updates.set("note", "x"));

        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(event("a", 1)));
        unitOfWork.executeWithResult(() -> new BatchEndTasks().handle(current(), () ->
                documents.apply("a", 1, d -> increment(d.withNote(null)))));

        Document stored = collection.find(new Document("_id", "a")).first();
        assertThat(stored.containsKey("note")).isFalse();
        assertThat(stored.getInteger("count")).isEqualTo(2);
    }

    @Test
    void aFieldTheRecordDoesNotKnow_isLeftAsStored_whenFieldsAreWrittenAtOnce() {
        documents = new SequencedDocuments<>(counters(), "seq",
                e -> e instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null, Set.of("links"));
        runBatch(List.of(event("a", 0)));
        collection.updateOne(new Document("_id", "a"), Updates.set("legacy", 7));

        runBatch(List.of(event("a", 1)));

        Document stored = collection.find(new Document("_id", "a")).first();
        assertThat(stored.getInteger("legacy")).isEqualTo(7);
        assertThat(stored.getInteger("count")).isEqualTo(2);
    }

    @Test
    void aRecordsNullComponents_areNotStored_andTheSequenceIsAnInt64() {
        runBatch(List.of(event("a", 0)));

        Document stored = collection.find(new Document("_id", "a")).first();
        assertThat(stored).containsOnlyKeys("_id", "count", "seq");
        assertThat(stored.get("seq")).isEqualTo(0L);
    }

    @Test
    void outsideAnEventProcessor_eachChangeIsWrittenAtOnce() {
        assertThat(documents.apply("a", 0, this::increment)).isTrue();
        assertThat(documents.apply("a", 0, this::increment)).isFalse();
        documents.updateAtOnce("a", com.mongodb.client.model.Updates.set("note", "x"), d -> d.withNote("x"));

        assertThat(count("a")).isEqualTo(1);
        assertThat(collection.find(new Document("_id", "a")).first().getString("note")).isEqualTo("x");
    }

    @Test
    void awaitSequence_isWokenByThisInstancesBatchWrite_withoutReadingTheStore() throws Exception {
        runBatch(List.of(event("a", 0)));
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> documents.awaitSequence("a", 2, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(5)));
        Thread.sleep(100); // let it register and start waiting
        assertThat(waiting).isNotDone();
        runBatch(List.of(event("a", 1)));
        assertThat(waiting).isNotDone(); // version 1 is not what it waits for
        commands.clear();
        runBatch(List.of(event("a", 2)));

        assertThat(waiting.get(4, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // woken by the write itself: the only commands are the batch's own; the waiter (polling every 5 s) read nothing
        assertThat(commands).containsExactly("find", "update");
    }

    @Test
    void awaitSequence_answersAtOnce_forAVersionThisInstanceWroteAlready() {
        runBatch(List.of(event("a", 0), event("a", 1)));
        commands.clear();

        assertThat(documents.awaitSequence("a", 1, java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(commands).isEmpty();
    }

    @Test
    void awaitSequence_seesAnotherInstancesWrite_byReadingTheStoreEveryPollInterval() throws Exception {
        SequencedDocuments<Counter> otherInstance = new SequencedDocuments<>(counters(), "seq",
                e -> e instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null);
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> documents.awaitSequence("b", 0, java.time.Duration.ofSeconds(10), java.time.Duration.ofMillis(20)));
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        otherInstance.apply("b", 0, this::increment);

        assertThat(waiting.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void awaitSequence_givesUpAfterItsTimeout() {
        runBatch(List.of(event("a", 0)));
        long start = System.nanoTime();

        assertThat(documents.awaitSequence("a", 1, java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(20))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(200).toNanos());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void runBatch(List<EventMessage<?>> batch) {
        runBatch(batch, () -> { });
    }

    /** Runs the batch as a pooled processor's work package does; {@code afterFirst} runs after the first event. */
    private void runBatch(List<EventMessage<?>> batch, Runnable afterFirst) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> new BatchEndTasks().handle(current(), () -> {
            Object result = handle(current().getMessage());
            if (((BatchingUnitOfWork<?>) current()).isFirstMessage()) {
                afterFirst.run();
            }
            return result;
        }));
        assertThat(unitOfWork.getExecutionResults().values()).noneMatch(r -> r.isExceptionResult());
    }

    @SuppressWarnings("unchecked")
    private static UnitOfWork<EventMessage<?>> current() {
        return (UnitOfWork<EventMessage<?>>) CurrentUnitOfWork.get();
    }

    private Object handle(EventMessage<?> message) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        return documents.apply(event.getAggregateIdentifier(), event.getSequenceNumber(), this::increment);
    }

    private Counter increment(Counter counter) {
        return counter == null ? new Counter(null, 1, null, null, null) : counter.withCount(counter.count() + 1);
    }

    private MongoCollection<Counter> counters() {
        return collection.withDocumentClass(Counter.class).withCodecRegistry(ReadModelCodecs.registry());
    }

    private int count(String id) {
        return collection.find(new Document("_id", id)).first().getInteger("count");
    }

    private static EventMessage<?> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Counter", aggregate, seq, "tick");
    }
}
