package org.pledge.cases.casefile.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.OptionalLong;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledge.platform.web.PledgeException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Remembers the {@code Idempotency-Key} of each case command, per case and key ({@code _id}, so a unique look-up on
 * MongoDB and mongo-java-server alike). A key is claimed before the command is sent: a retry of a completed request
 * (same key, same action and body) is answered as before without sending anything; the same key with another
 * request is refused; a retry while the first is still running is told to come back. A failed command releases the
 * key, so its retry runs again (and fails again the same way, or succeeds if the case changed). A claim left by a
 * crashed instance expires after {@link #LEASE}.
 */
@Component
class CommandKeys {

    static final Duration LEASE = Duration.ofMinutes(1);

    private final MongoCollection<Document> collection;

    CommandKeys(MongoDatabaseFactory databases) {
        this.collection = databases.getMongoDatabase().getCollection("command_keys");
    }

    /**
     * A claimed key; {@code replay} when the same request completed before and must not be sent again, with the case's
     * version that request left (absent for keys stored before versions were kept).
     */
    record Claim(String id, boolean replay, OptionalLong version) {
        Claim(String id) {
            this(id, false, OptionalLong.empty());
        }
    }

    Claim claim(String caseId, String key, String requestHash, Instant now) {
        String id = caseId + "\u0000" + key;
        try {
            collection.insertOne(new Document("_id", id).append("requestHash", requestHash).append("state", "PENDING")
                    .append("leaseUntil", Date.from(now.plus(LEASE))).append("createdAt", Date.from(now)));
            return new Claim(id);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = collection.find(Filters.eq("_id", id)).first();
        if (existing == null) {
            return claim(caseId, key, requestHash, now); // released in between
        }
        if (!requestHash.equals(existing.getString("requestHash"))) {
            throw new KeyReusedException();
        }
        if ("DONE".equals(existing.getString("state"))) {
            Number version = existing.get("version", Number.class);
            return new Claim(id, true, version == null ? OptionalLong.empty() : OptionalLong.of(version.longValue()));
        }
        Document taken = collection.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", "PENDING"), Filters.lt("leaseUntil", Date.from(now))),
                Updates.set("leaseUntil", Date.from(now.plus(LEASE))));
        if (taken == null) {
            throw new InProgressException();
        }
        return new Claim(id);
    }

    /** The request is done; its replays answer with {@code version}, the case's version it left. */
    void complete(Claim claim, OptionalLong version) {
        collection.updateOne(Filters.eq("_id", claim.id()), version.isPresent()
                ? Updates.combine(Updates.set("state", "DONE"), Updates.set("version", version.getAsLong()))
                : Updates.set("state", "DONE"));
    }

    void release(Claim claim) {
        collection.deleteOne(Filters.and(Filters.eq("_id", claim.id()), Filters.eq("state", "PENDING")));
    }

    static class KeyReusedException extends PledgeException {
        KeyReusedException() {
            super("case.idempotency-key-reused", HttpStatus.CONFLICT,
                    "this Idempotency-Key was used before on this case with a different request");
        }
    }

    static class InProgressException extends PledgeException {
        InProgressException() {
            super("case.request-in-progress", HttpStatus.CONFLICT,
                    "a request with this Idempotency-Key is still being processed; retry later");
        }
    }
}
