package org.pledge.platform.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.pledge.platform.eventstore.EventDocuments.COMMIT_FIRST;
import static org.pledge.platform.eventstore.EventDocuments.COMMIT_LAST;
import static org.pledge.platform.eventstore.EventDocuments.ID;

/**
 * Appends a commit in one round trip: takes consecutive global sequence numbers ({@link GlobalSequenceAllocator}),
 * stamps every event with them and with the commit's bounds, and inserts the events in one ordered
 * {@code insertMany}. When the insert stops at a document:
 * <ul>
 *     <li>its number was taken (by another engine, or sealed by a reader): the commit is
 *     {@linkplain Tombstones#abort aborted} and retried with fresh numbers, up to {@value #MAX_ATTEMPTS} times;</li>
 *     <li>anything else (its aggregate key was taken: another command appended first): the commit is aborted and the
 *     failure goes to the engine's persistence exception handling (Axon's
 *     {@link org.axonframework.modelling.command.ConcurrencyException});</li>
 *     <li>the outcome is unknown (a network error after the write): left as it is; trackers treat its missing numbers
 *     as gaps and seal them after the gap timeout.</li>
 * </ul>
 */
final class EventAppender {

    private static final int MAX_ATTEMPTS = 100;

    /** What the appender needs from the engine it works for. */
    interface Engine {

        /** The engine's hook between choosing a commit's numbers and inserting its events. */
        void beforeInsert(long firstGlobalSequence, long lastGlobalSequence);

        /** Axon's persistence exception handling: always throws. */
        void handlePersistenceException(Exception exception, EventMessage<?> failedEvent);
    }

    private final MongoCollection<Document> events;
    private final GlobalSequenceAllocator allocator;
    private final Tombstones tombstones;
    private final Engine engine;

    EventAppender(MongoCollection<Document> events, GlobalSequenceAllocator allocator, Tombstones tombstones,
                  Engine engine) {
        this.events = events;
        this.allocator = allocator;
        this.tombstones = tombstones;
        this.engine = engine;
    }

    void append(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(eventMessages.size());
        for (EventMessage<?> event : eventMessages) {
            documents.add(EventDocuments.toDocument(event, serializer));
        }
        int k = documents.size();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long first = allocator.allocate(k);
            long last = first + k - 1;
            for (int i = 0; i < k; i++) {
                Document doc = documents.get(i);
                doc.put(ID, first + i);
                doc.put(COMMIT_FIRST, first);
                doc.put(COMMIT_LAST, last);
            }
            engine.beforeInsert(first, last);
            try {
                events.insertMany(documents, new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                // An ordered insert stopped at a known document: the ones before it are in, the rest are not.
                BulkWriteError error = e.getWriteErrors().stream().min(Comparator.comparingInt(BulkWriteError::getIndex))
                                        .orElse(null);
                int failed = error == null ? 0 : error.getIndex();
                boolean numberTaken = error != null && DuplicateKeys.isDuplicateId(error);
                tombstones.abort(documents, first, failed, numberTaken);
                if (numberTaken) {
                    // another engine (or a reader's seal) has that number: retry with fresh numbers
                    GlobalSequenceAllocator.backOff(attempt);
                    allocator.resync(first + failed);
                    continue;
                }
                engine.handlePersistenceException(e, eventMessages.get(Math.min(failed, k - 1)));
            } catch (MongoException e) {
                // Outcome unknown (e.g. a network error after the write): leave it; trackers treat missing numbers as
                // gaps and seal them after the gap timeout.
                engine.handlePersistenceException(e, eventMessages.get(0));
            }
        }
        throw new EventStoreException("Could not find free global sequence numbers in " + MAX_ATTEMPTS + " attempts");
    }
}
