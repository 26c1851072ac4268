package org.pledge.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Stream;

import static org.pledge.platform.eventstore.EventDocuments.ID;
import static org.pledge.platform.eventstore.EventDocuments.SEQUENCE_NUMBER;

/**
 * Snapshots: one document per aggregate, {@code _id} = aggregate identifier, the fields of an event document. The
 * newest wins: a snapshot older than the stored one is skipped, whichever instance writes it.
 */
final class SnapshotStore {

    /** The engine's logger: operators configure one logger for the whole engine. */
    private static final Logger logger = LoggerFactory.getLogger(MongoSequencedEventStorageEngine.class);

    private final MongoCollection<Document> snapshots;

    SnapshotStore(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = EventDocuments.toDocument(snapshot, serializer);
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

    Stream<? extends DomainEventData<?>> read(String aggregateIdentifier) {
        Document doc = snapshots.find(Filters.eq(ID, aggregateIdentifier)).first();
        return doc == null ? Stream.empty() : Stream.of(EventDocuments.toDomainEventData(doc));
    }
}
