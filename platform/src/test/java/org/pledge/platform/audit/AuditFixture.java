package org.pledge.platform.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.CheckpointSigner;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.pledge.testsupport.time.MutableClock;

/**
 * The audit chain's parts on one database of a real (in-memory) mongo-java-server: an event store, the chainer, the
 * API's reader, with a standing clock the test moves. "A restart" is a second fixture on the same database.
 */
final class AuditFixture {

    static final String SERVICE = "test-service";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    final MongoDatabase database;
    final MutableClock clock;
    final MongoSequencedEventStorageEngine engine;
    final CheckpointSigner signer;
    final StoredLinks links;
    final StoredCheckpoints checkpoints;
    final StoredRecords records;
    final AuditChainer chainer;
    final AuditTrail trail;
    int checkpointsStored;

    AuditFixture(MongoDatabase database, CheckpointSigner signer, long checkpointEvery, long maxRange) {
        this(database, signer, checkpointEvery, maxRange, new MutableClock(T0));
    }

    AuditFixture(MongoDatabase database, CheckpointSigner signer, long checkpointEvery, long maxRange,
                 MutableClock clock) {
        this.database = database;
        this.clock = clock;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        this.engine = MongoSequencedEventStorageEngine.builder().mongoDatabase(database).clock(clock)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        this.signer = signer;
        this.links = new StoredLinks(database);
        this.checkpoints = new StoredCheckpoints(database);
        this.records = new StoredRecords(engine);
        this.chainer = new AuditChainer(records, links, checkpoints, signer, SERVICE, clock, checkpointEvery,
                Duration.ofSeconds(60), () -> checkpointsStored++);
        this.trail = new AuditTrail(records, links, checkpoints, signer.verifier(), SERVICE, maxRange,
                checkpointEvery);
    }

    static CheckpointSigner newSigner() {
        return new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
    }

    /** Appends {@code count} events of one aggregate in one commit; returns the aggregate id. */
    String append(int count) {
        String aggregate = UUID.randomUUID().toString();
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>("Thing", aggregate, i, new Noted(aggregate, i, "note " + i),
                    MetaData.with("actor", "tester"), UUID.randomUUID().toString(), clock.instant()));
        }
        engine.appendEvents(events);
        return aggregate;
    }

    /** Writes a tombstone at {@code sequence} as the engine does (for a sealed gap). */
    void tombstone(long sequence, String kind) {
        events().insertOne(new Document("_id", sequence).append("tombstone", kind)
                .append("aggregateIdentifier", "\u0000tombstone/").append("sequenceNumber", sequence)
                .append("aggregateKey", "\u0000tombstone/" + sequence).append("eventIdentifier",
                        "\u0000tombstone/" + sequence).append("commitFirst", sequence).append("commitLast", sequence));
    }

    MongoCollection<Document> events() {
        return engine.eventCollection();
    }

    Document event(long sequence) {
        return events().find(new Document("_id", sequence)).first();
    }

    /** Replaces the document at {@code sequence} (delete + insert: {@code _id} cannot change in place). */
    void put(long sequence, Document document) {
        events().deleteOne(new Document("_id", sequence));
        Document copy = new Document(document);
        copy.put("_id", sequence);
        events().insertOne(copy);
    }

    /** Moves every document from {@code from} up to the highest one up by one number (for an insertion at from). */
    void shiftUp(long from, long highest) {
        for (long n = highest; n >= from; n--) {
            Document moved = event(n);
            events().deleteOne(new Document("_id", n));
            moved.put("_id", n + 1);
            events().insertOne(moved);
        }
    }

    /** The payload an event of this fixture carries. */
    record Noted(String thing, int number, String text) {
    }
}
