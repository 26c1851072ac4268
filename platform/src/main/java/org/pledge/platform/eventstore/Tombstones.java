package org.pledge.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.pledge.platform.eventstore.EventDocuments.ABORTED;
import static org.pledge.platform.eventstore.EventDocuments.EVENT_IDENTIFIER;
import static org.pledge.platform.eventstore.EventDocuments.ID;
import static org.pledge.platform.eventstore.EventDocuments.SEALED;
import static org.pledge.platform.eventstore.EventDocuments.tombstone;

/**
 * Writes tombstones: global sequence numbers that will never hold an event, so that no tracker waits for them or
 * delivers part of a commit.
 * <ul>
 *     <li>A writer whose commit failed {@linkplain #abort aborts} it: the part it inserted and its unused numbers
 *     become {@code aborted} tombstones.</li>
 *     <li>A reader that gave up on a missing number (gap timeout passed) {@linkplain #seal seals} it with a
 *     {@code sealed} tombstone, insert-if-absent: a writer that comes later collides on {@code _id} and retries its
 *     whole commit with fresh numbers, so its events are delivered (later, in order) instead of being lost.</li>
 * </ul>
 */
final class Tombstones {

    /** The engine's logger: operators configure one logger for the whole engine. */
    private static final Logger logger = LoggerFactory.getLogger(MongoSequencedEventStorageEngine.class);

    private final MongoCollection<Document> events;
    private final Duration gapTimeout;

    /** @param gapTimeout for the log line of a seal */
    Tombstones(MongoCollection<Document> events, Duration gapTimeout) {
        this.events = events;
        this.gapTimeout = gapTimeout;
    }

    /**
     * Compensates a failed commit: its inserted documents (before {@code failed}) become aborted tombstones, and its
     * other numbers get one too unless someone else has them (insert-if-absent), so no tracker delivers a part of the
     * commit or waits for its numbers.
     */
    void abort(List<Document> documents, long first, int failed, boolean failedNumberTaken) {
        long commitFirst = first;
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            long n = first + i;
            if (i < failed) {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ID, n),
                                                             Filters.eq(EVENT_IDENTIFIER,
                                                                        documents.get(i).getString(EVENT_IDENTIFIER))),
                                                 tombstone(n, ABORTED, commitFirst)));
            } else if (i > failed || !failedNumberTaken) {
                writes.add(new InsertOneModel<>(tombstone(n, ABORTED, commitFirst)));
            }
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            events.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // duplicate keys: those numbers belong to someone else, which is fine
            if (e.getWriteErrors().stream().anyMatch(w -> !DuplicateKeys.isDuplicateKey(w.getCode()))) {
                logger.warn("Could not fully compensate failed commit at {}", first, e);
            }
        } catch (MongoException e) {
            logger.warn("Could not compensate failed commit at {}; trackers will seal it after the gap timeout",
                        first, e);
        }
    }

    /** Inserts a sealing tombstone at {@code n} unless something is there; returns what is there, or null. */
    Document seal(long n) {
        try {
            Document tombstone = tombstone(n, SEALED, n);
            events.insertOne(tombstone);
            logger.warn("Global sequence number {} was not filled within the gap timeout ({}); sealed it", n,
                        gapTimeout);
            return tombstone;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return events.find(Filters.eq(ID, n)).first();
            }
            logger.warn("Could not seal global sequence number {}", n, e);
            return null;
        } catch (MongoException e) {
            logger.warn("Could not seal global sequence number {}", n, e);
            return null;
        }
    }
}
