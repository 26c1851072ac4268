package org.pledge.guarantee.claim.web;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.web.PledgeException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Remembers the {@code Idempotency-Key} of each claim request, per claim, action and key ({@code _id}), as case-service's
 * command keys do: claimed before the command is sent; a retry of a completed request (same key and body) is answered
 * as before without sending anything; the same key with another body is 409 {@code claim.idempotency-key-reused}; a
 * retry while the first runs is 409 {@code claim.request-in-progress}. A failed command releases the key; a claim left
 * by a crashed instance expires after {@link #LEASE}.
 */
@Component
class ClaimRequestKeys {

    static final Duration LEASE = Duration.ofMinutes(1);

    /** A {@code claim_request_keys} document. */
    public record RequestKey(@BsonId String id, String requestHash, String state, Instant leaseUntil, Instant createdAt) {
    }

    record Claim(String id, boolean replay) {
    }

    private final MongoCollection<RequestKey> keys;

    ClaimRequestKeys(MongoDatabaseFactory databases) {
        this.keys = ReadModelCodecs.collection(databases.getMongoDatabase(), "claim_request_keys", RequestKey.class);
    }

    Claim claim(String claimId, String action, String key, String requestHash, Instant now) {
        String id = claimId + "\u0000" + action + "\u0000" + key;
        try {
            keys.insertOne(new RequestKey(id, requestHash, "PENDING", now.plus(LEASE), now));
            return new Claim(id, false);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        RequestKey existing = keys.find(Filters.eq("_id", id)).first();
        if (existing == null) {
            return claim(claimId, action, key, requestHash, now); // released in between
        }
        if (!requestHash.equals(existing.requestHash())) {
            throw new Conflict("claim.idempotency-key-reused", "this Idempotency-Key was used before on this claim with a different request");
        }
        if ("DONE".equals(existing.state())) {
            return new Claim(id, true);
        }
        RequestKey taken = keys.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("state", "PENDING"),
                Filters.lt("leaseUntil", now)), Updates.set("leaseUntil", now.plus(LEASE)));
        if (taken == null) {
            throw new Conflict("claim.request-in-progress", "a request with this Idempotency-Key is still being processed; retry later");
        }
        return new Claim(id, false);
    }

    void complete(Claim claim) {
        keys.updateOne(Filters.eq("_id", claim.id()), Updates.set("state", "DONE"));
    }

    void release(Claim claim) {
        keys.deleteOne(Filters.and(Filters.eq("_id", claim.id()), Filters.eq("state", "PENDING")));
    }

    static class Conflict extends PledgeException {
        Conflict(String code, String detail) {
            super(code, HttpStatus.CONFLICT, detail);
        }
    }
}
