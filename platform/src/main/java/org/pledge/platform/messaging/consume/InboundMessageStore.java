package org.pledge.platform.messaging.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Deduplication of inbound messages by consumer and CloudEvents id, in the collection {@code inbound_messages}
 * ({@code _id} = {@code <consumer>:<ce_id>}). Only the unique {@code _id} is relied upon, so it behaves the same on
 * real MongoDB and on mongo-java-server; no transactions.
 *
 * <ul>
 *   <li>{@link #claim}: insert a PROCESSING record with a lease; if one exists and is DONE, the message is a
 *   duplicate; if its lease expired (the previous consumer died), take it over; if the lease is live, another
 *   consumer is processing it right now.</li>
 *   <li>{@link Claim#complete()} marks it DONE; {@link Claim#release()} deletes the claim so a retry can run.</li>
 *   <li>{@link #purge} deletes records older than the retention (TTL indexes are not used: mongo-java-server
 *   ignores them).</li>
 * </ul>
 */
public class InboundMessageStore {

    public static final String COLLECTION = "inbound_messages";

    static final String STATE = "state";
    static final String PROCESSING = "PROCESSING";
    static final String DONE = "DONE";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String CLAIM_TOKEN = "claimToken";
    static final String UPDATED_AT = "updatedAt";

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final Duration lease;

    public InboundMessageStore(MongoCollection<Document> collection, Clock clock, Duration lease) {
        this.collection = collection;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * A unique {@code {_id, claimToken}} index for {@link Claim#complete()}: mongo-java-server answers a query from an
     * index only when the query's fields are exactly the index's. Unique because {@code _id} is; real MongoDB would use
     * {@code _id} alone and pays one index entry per message.
     */
    public void ensureIndexes() {
        collection.createIndex(Indexes.ascending("_id", CLAIM_TOKEN), new IndexOptions().unique(true));
    }

    public enum Outcome {
        /** The caller owns the message now and must complete or release the claim. */
        CLAIMED,
        /** Already processed: skip. */
        DUPLICATE,
        /** Another consumer holds a live lease: try again later. */
        IN_PROGRESS
    }

    /** The result of {@link #claim}. */
    public final class Claim {
        private final String key;
        private final String token;
        private final Outcome outcome;

        private Claim(String key, String token, Outcome outcome) {
            this.key = key;
            this.token = token;
            this.outcome = outcome;
        }

        public Outcome outcome() {
            return outcome;
        }

        public void complete() {
            requireClaimed();
            Instant now = clock.instant();
            // a flat {_id, claimToken} filter (Filters.and renders an $and) that the {_id, claimToken} index answers on
            // mongo-java-server, which otherwise scans the whole collection for it
            collection.updateOne(new Document("_id", key).append(CLAIM_TOKEN, token),
                    Updates.combine(Updates.set(STATE, DONE), Updates.set(UPDATED_AT, Date.from(now)),
                            Updates.unset(LEASE_UNTIL)));
        }

        public void release() {
            requireClaimed();
            collection.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq(STATE, PROCESSING),
                    Filters.eq(CLAIM_TOKEN, token)));
        }

        private void requireClaimed() {
            if (outcome != Outcome.CLAIMED) {
                throw new IllegalStateException("not claimed: " + key + " is " + outcome);
            }
        }
    }

    public Claim claim(String consumer, String eventId) {
        String key = consumer + ":" + eventId;
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            try {
                collection.insertOne(new Document("_id", key)
                        .append("consumer", consumer)
                        .append("eventId", eventId)
                        .append(STATE, PROCESSING)
                        .append(CLAIM_TOKEN, token)
                        .append(LEASE_UNTIL, Date.from(now.plus(lease)))
                        .append(UPDATED_AT, Date.from(now)));
                return new Claim(key, token, Outcome.CLAIMED);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // someone has it: take over an expired lease, else report what it is
            Bson expired = Filters.and(Filters.eq("_id", key), Filters.eq(STATE, PROCESSING),
                    Filters.lt(LEASE_UNTIL, Date.from(now)));
            Document taken = collection.findOneAndUpdate(expired,
                    Updates.combine(Updates.set(CLAIM_TOKEN, token),
                            Updates.set(LEASE_UNTIL, Date.from(now.plus(lease))),
                            Updates.set(UPDATED_AT, Date.from(now))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (taken != null) {
                return new Claim(key, token, Outcome.CLAIMED);
            }
            Document existing = collection.find(Filters.eq("_id", key)).first();
            if (existing == null) {
                continue; // released in between: try to insert again
            }
            return new Claim(key, null, DONE.equals(existing.getString(STATE)) ? Outcome.DUPLICATE : Outcome.IN_PROGRESS);
        }
        return new Claim(key, null, Outcome.IN_PROGRESS);
    }

    /** Deletes DONE records (and abandoned claims) last touched before {@code now - retention}. */
    public long purge(Duration retention) {
        Date cutoff = Date.from(clock.instant().minus(retention));
        return collection.deleteMany(Filters.lt(UPDATED_AT, cutoff)).getDeletedCount();
    }
}
