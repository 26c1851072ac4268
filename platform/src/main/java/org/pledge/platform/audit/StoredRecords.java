package org.pledge.platform.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pledge.audit.AuditRecord;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.pledge.platform.eventstore.StoredEvent;

/**
 * The event store's documents as the chain sees them: each global sequence number's raw document (event or
 * tombstone) as an {@link AuditRecord}, the payload and metadata strings exactly as stored. Read by exact {@code _id}
 * ({@link MongoSequencedEventStorageEngine#storedAt}); nothing is deserialised or upcast.
 */
final class StoredRecords {

    private final MongoSequencedEventStorageEngine engine;

    StoredRecords(MongoSequencedEventStorageEngine engine) {
        this.engine = engine;
    }

    /** The records at {@code from..to}; a number without a document is absent. */
    Map<Long, AuditRecord> between(long from, long to) {
        if (to < from) {
            return new HashMap<>();
        }
        List<Long> numbers = new ArrayList<>((int) (to - from + 1));
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        Map<Long, AuditRecord> records = new HashMap<>();
        engine.storedAt(numbers).forEach((n, stored) -> records.put(n, record(stored)));
        return records;
    }

    /** The record at {@code sequence}, or null. */
    AuditRecord at(long sequence) {
        return between(sequence, sequence).get(sequence);
    }

    /** A stored document as a record: a tombstone keeps its kind only; an event every field as stored. */
    static AuditRecord record(StoredEvent stored) {
        if (stored.isTombstone()) {
            return AuditRecord.tombstone(stored.sequence(), stored.tombstone());
        }
        return new AuditRecord(stored.sequence(), AuditRecord.EVENT, stored.aggregateIdentifier(),
                stored.aggregateSequence(), stored.type(), stored.eventIdentifier(), stored.payloadType(),
                stored.payloadRevision(), stored.timestamp(), stored.metaData(), stored.payload());
    }
}
