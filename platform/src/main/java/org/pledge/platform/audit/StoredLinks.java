package org.pledge.platform.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * The chain's links, beside the events: collection {@code audit_links}, one document per global sequence number,
 * {@code {_id: <sequence>, link: <64 lowercase hex characters>}}. Written once (insert), never updated. Reads are
 * exact {@code _id} look-ups, as the event store's are.
 */
final class StoredLinks {

    static final String COLLECTION = "audit_links";
    static final String LINK = "link";
    private static final HexFormat HEX = HexFormat.of();
    /** What a stored link that is not 64 hex characters reads as: it matches no computed link. */
    private static final byte[] UNREADABLE = new byte[0];

    private final MongoCollection<Document> links;

    StoredLinks(MongoDatabase database) {
        this.links = database.getCollection(COLLECTION);
    }

    /** The stored links at these sequences; a sequence without one is absent. A malformed one reads as 0 bytes. */
    Map<Long, byte[]> at(Collection<Long> sequences) {
        Map<Long, byte[]> found = new HashMap<>();
        if (sequences.isEmpty()) {
            return found;
        }
        for (Document doc : links.find(Filters.in("_id", sequences))) {
            if (doc.get("_id") instanceof Number sequence) {
                found.put(sequence.longValue(), parse(doc.get(LINK)));
            }
        }
        return found;
    }

    /** The stored link at {@code sequence}, or null. */
    byte[] at(long sequence) {
        return at(List.of(sequence)).get(sequence);
    }

    /** The highest sequence with a stored link, 0 when none (a sort on {@code _id}: an index on real MongoDB). */
    long highest() {
        Document last = links.find().sort(Sorts.descending("_id")).projection(Projections.include("_id")).limit(1)
                .first();
        return last != null && last.get("_id") instanceof Number n ? n.longValue() : 0L;
    }

    /**
     * Inserts these links (unordered, one round trip); returns the sequences that already had a link, which are left
     * as they are (the caller compares them).
     */
    List<Long> insert(Map<Long, byte[]> newLinks) {
        if (newLinks.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>(newLinks.size());
        List<Long> order = new ArrayList<>(newLinks.size());
        newLinks.forEach((sequence, link) -> {
            documents.add(new Document("_id", sequence).append(LINK, HEX.formatHex(link)));
            order.add(sequence);
        });
        try {
            links.insertMany(documents, new InsertManyOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<Long> existing = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(order.get(error.getIndex()));
            }
            return existing;
        }
    }

    static byte[] parse(Object stored) {
        if (stored instanceof String hex && hex.length() == 64) {
            try {
                return HEX.parseHex(hex);
            } catch (IllegalArgumentException e) {
                return UNREADABLE;
            }
        }
        return UNREADABLE;
    }
}
