package org.pledge.platform.messaging.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import org.pledge.platform.messaging.publish.PublisherDeadLetter.State;

/**
 * The publisher's parked events, {@code publisher_dead_letters} in the service's own database. {@code _id} is the event
 * identifier, so parking an event twice (a retried batch, another instance) stores it once. Only {@code _id} is relied
 * upon: the two secondary indexes ({@code sequenceKey, globalIndex} and {@code globalIndex}) serve real MongoDB;
 * mongo-java-server ignores non-unique indexes and scans, which is fine for a collection that holds only what is
 * parked. No transactions.
 */
public class PublisherDeadLetters {

    public static final String COLLECTION = "publisher_dead_letters";

    static final String SEQUENCE_KEY = "sequenceKey";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String STATE = "state";
    static final String REASON = "reason";
    static final String ATTEMPTS = "attempts";
    static final String FIRST_FAILED_AT = "firstFailedAt";
    static final String LAST_FAILED_AT = "lastFailedAt";

    private static final Bson OLDEST_FIRST = Sorts.ascending(GLOBAL_INDEX, "_id");

    private final MongoCollection<PublisherDeadLetter> collection;

    public PublisherDeadLetters(MongoDatabase database) {
        // the driver's default registry has the record, enum and java.time codecs, whatever the client was given
        this.collection = database.withCodecRegistry(MongoClientSettings.getDefaultCodecRegistry())
                .getCollection(COLLECTION, PublisherDeadLetter.class);
    }

    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending(SEQUENCE_KEY, GLOBAL_INDEX));
        collection.createIndex(Indexes.ascending(GLOBAL_INDEX));
    }

    /** Stores {@code letter} unless a letter of that event exists; returns the existing one then, else null. */
    public PublisherDeadLetter insert(PublisherDeadLetter letter) {
        try {
            collection.insertOne(letter);
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        PublisherDeadLetter existing = find(letter.eventId());
        return existing != null ? existing : insert(letter); // deleted in between (a replay): store it after all
    }

    public PublisherDeadLetter find(String eventId) {
        return collection.find(Filters.eq("_id", eventId)).first();
    }

    /** A letter that was waiting now failed itself (the publisher's attempts ran out). */
    public void markFailed(String eventId, String reason, int attempts, Instant firstFailedAt, Instant lastFailedAt) {
        collection.updateOne(Filters.eq("_id", eventId), Updates.combine(
                Updates.set(STATE, State.FAILED.name()), Updates.set(REASON, reason), Updates.set(ATTEMPTS, attempts),
                Updates.set(FIRST_FAILED_AT, firstFailedAt), Updates.set(LAST_FAILED_AT, lastFailedAt)));
    }

    /** A replay of the letter failed: it stays, failed, with the new reason and one attempt more. */
    public void replayFailed(PublisherDeadLetter letter, String reason, Instant at) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(STATE, State.FAILED.name()),
                Updates.set(REASON, reason), Updates.inc(ATTEMPTS, 1), Updates.set(LAST_FAILED_AT, at)));
        if (letter.firstFailedAt() == null) {
            updates.add(Updates.set(FIRST_FAILED_AT, at));
        }
        collection.updateOne(Filters.eq("_id", letter.eventId()), Updates.combine(updates));
    }

    /**
     * Whether a letter of {@code sequenceKey} parked before the event at {@code globalIndex} exists (any other letter of
     * the key when the index is unknown).
     */
    public boolean hasEarlier(String sequenceKey, Long globalIndex, String eventId) {
        Bson earlier = globalIndex == null ? Filters.ne("_id", eventId) : Filters.lt(GLOBAL_INDEX, globalIndex);
        return collection.find(Filters.and(Filters.eq(SEQUENCE_KEY, sequenceKey), earlier)).limit(1).first() != null;
    }

    public void delete(String eventId) {
        collection.deleteOne(Filters.eq("_id", eventId));
    }

    /** The keys that have a parked letter. */
    public Set<String> keys() {
        return collection.distinct(SEQUENCE_KEY, String.class).into(new HashSet<>());
    }

    /** Letters in event order (global index), all of them or those of one key, at most {@code limit}. */
    public List<PublisherDeadLetter> oldestFirst(String sequenceKey, int limit) {
        Bson filter = sequenceKey == null ? Filters.empty() : Filters.eq(SEQUENCE_KEY, sequenceKey);
        return collection.find(filter).sort(OLDEST_FIRST).limit(limit).into(new ArrayList<>());
    }

    /** The letters of these keys in event order, at most {@code limit}. */
    public List<PublisherDeadLetter> oldestFirst(Collection<String> sequenceKeys, int limit) {
        if (sequenceKeys.isEmpty()) {
            return List.of();
        }
        return collection.find(Filters.in(SEQUENCE_KEY, sequenceKeys)).sort(OLDEST_FIRST).limit(limit)
                .into(new ArrayList<>());
    }

    public long count(String sequenceKey) {
        return collection.countDocuments(sequenceKey == null ? Filters.empty() : Filters.eq(SEQUENCE_KEY, sequenceKey));
    }

    public long count(State state) {
        return collection.countDocuments(Filters.eq(STATE, state.name()));
    }
}
