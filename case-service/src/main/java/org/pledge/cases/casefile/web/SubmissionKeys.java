package org.pledge.cases.casefile.web;

import java.time.Instant;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.RecordFields;
import org.pledge.platform.web.PledgeException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Remembers which case an {@code Idempotency-Key} created, per submitter: the same key with the same
 * body gets the same case id; the same key with another body is refused. Keyed by {@code _id}, so the
 * check is a unique-index look-up on both MongoDB and mongo-java-server, and safe under concurrent retries.
 */
@Component
class SubmissionKeys {

    /**
     * A {@code submission_keys} document as stored: {@code _id} = submitter, NUL, key; the hash of the body; the case id
     * it created; when (a BSON date).
     */
    public record SubmissionKey(@BsonId String id, String bodyHash, String caseId, Instant createdAt) {
        private static final RecordFields FIELDS = RecordFields.of(SubmissionKey.class);
        static final String ID = FIELDS.name("id");
    }

    private final MongoCollection<SubmissionKey> collection;

    SubmissionKeys(MongoDatabaseFactory databases) {
        this.collection = ReadModelCodecs.collection(databases.getMongoDatabase(), "submission_keys", SubmissionKey.class);
    }

    /** The case id for this key and body: a new one on first use, the remembered one after. */
    String caseIdFor(String submitter, String key, String bodyHash, Instant now) {
        String id = submitter + "\u0000" + key;
        String caseId = UUID.randomUUID().toString();
        try {
            collection.insertOne(new SubmissionKey(id, bodyHash, caseId, now));
            return caseId;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        SubmissionKey existing = collection.find(Filters.eq(SubmissionKey.ID, id)).first();
        if (existing == null) {
            throw new IllegalStateException("submission key vanished");
        }
        if (!bodyHash.equals(existing.bodyHash())) {
            throw new KeyReusedException();
        }
        return existing.caseId();
    }

    static class KeyReusedException extends PledgeException {
        KeyReusedException() {
            super("case.idempotency-key-reused", HttpStatus.CONFLICT,
                    "this Idempotency-Key was used before with a different request body");
        }
    }
}
