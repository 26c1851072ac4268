package org.pledge.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledge.audit.Checkpoint;

/**
 * The signed checkpoints: collection {@code audit_checkpoints}, {@code _id} = the sequence whose link is signed, the
 * checkpoint's fields (byte arrays as lowercase hex, {@code signedAt} a date), and the outbox's {@code published} flag
 * and {@code publishedAt}. A checkpoint is inserted once and never changed but for that flag.
 * <p>
 * Read defensively: a document edited by hand never fails a read; its unreadable fields read as null, and such a
 * checkpoint does not verify.
 */
final class StoredCheckpoints {

    static final String COLLECTION = "audit_checkpoints";
    static final String PUBLISHED = "published";
    static final String PUBLISHED_AT = "publishedAt";
    private static final HexFormat HEX = HexFormat.of();

    private final MongoCollection<Document> checkpoints;

    StoredCheckpoints(MongoDatabase database) {
        this.checkpoints = database.getCollection(COLLECTION);
    }

    /** For real MongoDB: the outbox's query ({@code published: false}, by sequence). mongo-java-server scans. */
    void ensureIndexes() {
        checkpoints.createIndex(Indexes.ascending(PUBLISHED, "_id"), new IndexOptions().name("unpublished"));
    }

    /** Stores {@code checkpoint} unpublished unless one is stored at its sequence already; whether it was stored. */
    boolean insertIfAbsent(Checkpoint checkpoint) {
        try {
            checkpoints.insertOne(new Document("_id", checkpoint.sequence())
                    .append("service", checkpoint.service())
                    .append("link", HEX.formatHex(checkpoint.link()))
                    .append("signedAt", Date.from(checkpoint.signedAt()))
                    .append("keyId", checkpoint.keyId())
                    .append("algorithm", checkpoint.algorithm())
                    .append("signature", HEX.formatHex(checkpoint.signature()))
                    .append(PUBLISHED, false));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The checkpoint with the highest sequence. */
    Optional<StoredCheckpoint> latest() {
        return first(new Document(), Sorts.descending("_id"));
    }

    /** The nearest checkpoint below {@code sequence}. */
    Optional<StoredCheckpoint> latestBefore(long sequence) {
        return first(Filters.lt("_id", sequence), Sorts.descending("_id"));
    }

    /** The nearest checkpoint at or after {@code sequence}. */
    Optional<StoredCheckpoint> firstAtOrAfter(long sequence) {
        return first(Filters.gte("_id", sequence), Sorts.ascending("_id"));
    }

    /** The checkpoints in [{@code from}, {@code to}], by sequence. */
    List<Checkpoint> between(long from, long to) {
        List<Checkpoint> found = new ArrayList<>();
        for (Document doc : checkpoints.find(Filters.and(Filters.gte("_id", from), Filters.lte("_id", to)))
                .sort(Sorts.ascending("_id"))) {
            decode(doc).ifPresent(stored -> found.add(stored.checkpoint()));
        }
        return found;
    }

    /** At most {@code limit} checkpoints not yet published, oldest first. */
    List<StoredCheckpoint> unpublished(int limit) {
        List<StoredCheckpoint> found = new ArrayList<>();
        for (Document doc : checkpoints.find(Filters.eq(PUBLISHED, false)).sort(Sorts.ascending("_id")).limit(limit)) {
            decode(doc).ifPresent(found::add);
        }
        return found;
    }

    /** Notes that the broker acknowledged the checkpoint at {@code sequence}. */
    void markPublished(long sequence, Instant at) {
        checkpoints.updateOne(Filters.and(Filters.eq("_id", sequence), Filters.eq(PUBLISHED, false)),
                Updates.combine(Updates.set(PUBLISHED, true), Updates.set(PUBLISHED_AT, Date.from(at))));
    }

    private Optional<StoredCheckpoint> first(Bson filter, Bson sort) {
        for (Document doc : checkpoints.find(filter).sort(sort).limit(5)) {
            Optional<StoredCheckpoint> decoded = decode(doc);
            if (decoded.isPresent()) {
                return decoded;
            }
        }
        return Optional.empty();
    }

    /** A stored checkpoint; empty only for a document whose {@code _id} is not a number. */
    static Optional<StoredCheckpoint> decode(Document doc) {
        if (!(doc.get("_id") instanceof Number sequence)) {
            return Optional.empty();
        }
        Checkpoint checkpoint = new Checkpoint(text(doc, "service"), sequence.longValue(), hex(doc.get("link")),
                doc.get("signedAt") instanceof Date date ? date.toInstant() : null, text(doc, "keyId"),
                text(doc, "algorithm"), hex(doc.get("signature")));
        return Optional.of(new StoredCheckpoint(checkpoint, Boolean.TRUE.equals(doc.get(PUBLISHED)),
                doc.get(PUBLISHED_AT) instanceof Date date ? date.toInstant() : null));
    }

    private static String text(Document doc, String field) {
        return doc.get(field) instanceof String text ? text : null;
    }

    private static byte[] hex(Object value) {
        if (value instanceof String text && text.length() % 2 == 0) {
            try {
                return HEX.parseHex(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
