package org.pledge.platform.eventstore;

import com.mongodb.DuplicateKeyException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

/**
 * Recognises MongoDB's duplicate-key errors, the engine's one signal of a lost race: for a global sequence number
 * ({@code _id}) it means "take fresh numbers", for an aggregate key it means "another command appended first" (Axon's
 * {@link org.axonframework.modelling.command.ConcurrencyException}, through the persistence exception resolver).
 */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    static boolean isDuplicateKey(int code) {
        return ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY;
    }

    /** Whether a bulk write error is a duplicate {@code _id}: the global sequence number is someone else's. */
    static boolean isDuplicateId(BulkWriteError error) {
        return isDuplicateKey(error.getCode()) && error.getMessage() != null
                && error.getMessage().contains("index: _id_ ");
    }

    /** The engine's persistence exception resolver: whether a write failed on a unique index. */
    static boolean isDuplicateKeyException(Exception exception) {
        if (exception instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(e -> isDuplicateKey(e.getCode()));
        }
        if (exception instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return exception instanceof DuplicateKeyException;
    }
}
