package org.pledge.cases.casefile.web;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.RecordFields;
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

    /** Where a request with this key is: claimed and running, or completed. */
    public enum State { PENDING, DONE }

    /**
     * A {@code command_keys} document as stored: {@code _id} = case id, NUL, key; the hash of the request; its state
     * (by name); the lease of a pending claim and the creation time as BSON dates; the case's version the completed
     * request left (int64; absent for keys stored before versions were kept, or when the command stored nothing).
     */
    public record CommandKey(@BsonId String id, String requestHash, State state, Instant leaseUntil, Instant createdAt,
                             Long version) {
        private static final RecordFields FIELDS = RecordFields.of(CommandKey.class);
        static final String ID = FIELDS.name("id");
        static final String STATE = FIELDS.name("state");
        static final String LEASE_UNTIL = FIELDS.name("leaseUntil");
        static final String VERSION = FIELDS.name("version");
    }

    private final MongoCollection<CommandKey> collection;

    CommandKeys(MongoDatabaseFactory databases) {
        this.collection = ReadModelCodecs.collection(databases.getMongoDatabase(), "command_keys", CommandKey.class);
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
            collection.insertOne(new CommandKey(id, requestHash, State.PENDING, now.plus(LEASE), now, null));
            return new Claim(id);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        CommandKey existing = collection.find(Filters.eq(CommandKey.ID, id)).first();
        if (existing == null) {
            return claim(caseId, key, requestHash, now); // released in between
        }
        if (!requestHash.equals(existing.requestHash())) {
            throw new KeyReusedException();
        }
        if (existing.state() == State.DONE) {
            Long version = existing.version();
            return new Claim(id, true, version == null ? OptionalLong.empty() : OptionalLong.of(version));
        }
        CommandKey taken = collection.findOneAndUpdate(
                Filters.and(Filters.eq(CommandKey.ID, id), Filters.eq(CommandKey.STATE, State.PENDING.name()),
                        Filters.lt(CommandKey.LEASE_UNTIL, now)),
                Updates.set(CommandKey.LEASE_UNTIL, now.plus(LEASE)));
        if (taken == null) {
            throw new InProgressException();
        }
        return new Claim(id);
    }

    /** The request is done; its replays answer with {@code version}, the case's version it left. */
    void complete(Claim claim, OptionalLong version) {
        collection.updateOne(Filters.eq(CommandKey.ID, claim.id()), version.isPresent()
                ? Updates.combine(Updates.set(CommandKey.STATE, State.DONE.name()), Updates.set(CommandKey.VERSION, version.getAsLong()))
                : Updates.set(CommandKey.STATE, State.DONE.name()));
    }

    void release(Claim claim) {
        collection.deleteOne(Filters.and(Filters.eq(CommandKey.ID, claim.id()), Filters.eq(CommandKey.STATE, State.PENDING.name())));
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
