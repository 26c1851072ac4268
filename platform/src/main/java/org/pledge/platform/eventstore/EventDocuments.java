package org.pledge.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The storage format, in one place: the field names of an event document (and of a snapshot, which has the same
 * fields with {@code _id} = aggregate identifier), the indexes of the events collection, the conversions between
 * Axon's messages and documents, the tombstone documents, and the two look-ups by {@code _id} the writers and readers
 * share.
 * <p>
 * An event document: {@code _id} = global sequence number (from 1); {@code aggregateKey =
 * <aggregateIdentifier>/<sequenceNumber>} (an event without an aggregate: {@code <eventIdentifier>/0}); the commit's
 * first and last global sequence numbers ({@code commitFirst}, {@code commitLast}), by which a reader tells a complete
 * commit from one in flight. A tombstone has the same keys, a {@link #TOMBSTONE} kind, and no payload.
 */
final class EventDocuments {

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
    /** On tombstones: {@link #ABORTED} (a failed commit, written by its writer) or {@link #SEALED} (by a reader). */
    static final String TOMBSTONE = "tombstone";
    static final String ABORTED = "aborted";
    static final String SEALED = "sealed";
    private static final String TOMBSTONE_PREFIX = "\u0000tombstone/";

    private EventDocuments() {
    }

    /**
     * Creates the indexes every query of the engine needs on real MongoDB. Idempotent. Snapshots need none: their
     * {@code _id} is the aggregate identifier.
     */
    static void ensureIndexes(MongoCollection<Document> events, boolean secondaryUniqueIndexes) {
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
    }

    /** An event (or snapshot) as a document, without {@code _id} and the commit's bounds. */
    static Document toDocument(EventMessage<?> event, Serializer serializer) {
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

    /** A stored event (or snapshot) for Axon; an event without an aggregate gets none back. */
    static DomainEventData<String> toDomainEventData(Document doc) {
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

    static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /**
     * A tombstone at global sequence number {@code n}, of {@code kind} {@link #ABORTED} or {@link #SEALED}: unique
     * keys of its own, so it never collides with an event but on {@code _id}.
     */
    static Document tombstone(long n, String kind, long commitFirst) {
        String key = TOMBSTONE_PREFIX + n;
        return new Document(ID, n).append(TOMBSTONE, kind)
                                  .append(AGGREGATE_IDENTIFIER, TOMBSTONE_PREFIX)
                                  .append(SEQUENCE_NUMBER, n)
                                  .append(AGGREGATE_KEY, key)
                                  .append(EVENT_IDENTIFIER, key)
                                  .append(COMMIT_FIRST, commitFirst)
                                  .append(COMMIT_LAST, n);
    }

    /** The documents at these global sequence numbers (events and tombstones), by number: an exact-value look-up. */
    static Map<Long, Document> findByIds(MongoCollection<Document> events, Collection<Long> ids) {
        Map<Long, Document> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        for (Document doc : events.find(Filters.in(ID, ids))) {
            result.put(doc.getLong(ID), doc);
        }
        return result;
    }

    /**
     * The documents at these global sequence numbers, field by field as stored ({@link StoredEvent}); a number
     * without a document is absent from the map. An exact-value look-up; never fails on what a document holds.
     */
    static Map<Long, StoredEvent> storedAt(MongoCollection<Document> events, Collection<Long> ids) {
        Map<Long, StoredEvent> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        for (Document doc : events.find(Filters.in(ID, ids))) {
            if (doc.get(ID) instanceof Number id) {
                result.put(id.longValue(), stored(id.longValue(), doc));
            }
        }
        return result;
    }

    /** A document as it is ({@link StoredEvent}): a field of an unexpected type reads as null and is named. */
    static StoredEvent stored(long sequence, Document doc) {
        Fields fields = new Fields(doc);
        String tombstone = fields.text(TOMBSTONE);
        if (tombstone != null || doc.containsKey(TOMBSTONE)) {
            return new StoredEvent(sequence, tombstone == null ? "" : tombstone, null, 0L, null, null, null, null,
                                   null, null, null, fields.unreadable);
        }
        return new StoredEvent(sequence, null, fields.text(AGGREGATE_IDENTIFIER), fields.number(SEQUENCE_NUMBER),
                               fields.text(TYPE), fields.text(EVENT_IDENTIFIER), fields.text(PAYLOAD_TYPE),
                               fields.text(PAYLOAD_REVISION), fields.time(TIMESTAMP), fields.text(META_DATA),
                               fields.text(PAYLOAD), fields.unreadable);
    }

    /** Reads fields of a document that may have been edited by hand, remembering the first of an unexpected type. */
    private static final class Fields {
        private final Document doc;
        private String unreadable;

        Fields(Document doc) {
            this.doc = doc;
        }

        String text(String field) {
            Object value = doc.get(field);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            return unexpected(field);
        }

        long number(String field) {
            Object value = doc.get(field);
            if (value instanceof Long || value instanceof Integer) {
                return ((Number) value).longValue();
            }
            unexpected(field);
            return 0L;
        }

        java.time.Instant time(String field) {
            Object value = doc.get(field);
            if (value == null || value instanceof Date) {
                return value == null ? null : ((Date) value).toInstant();
            }
            return unexpected(field);
        }

        private <T> T unexpected(String field) {
            if (unreadable == null) {
                unreadable = field;
            }
            return null;
        }
    }

    /** The highest global sequence number stored (an event or a tombstone), 0 for an empty store. */
    static long highestStored(MongoCollection<Document> events) {
        Document last = events.find().sort(Sorts.descending(ID)).projection(Projections.include(ID)).limit(1).first();
        return last == null ? 0L : last.getLong(ID);
    }
}
