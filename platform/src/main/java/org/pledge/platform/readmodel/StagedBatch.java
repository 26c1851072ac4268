package org.pledge.platform.readmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The documents one batch of events read and changed, for {@link SequencedDocuments}: read with one {@code _id $in}
 * query at first use, changed in memory, written with one unordered bulk write at the end of the batch; a document
 * whose compare-and-set missed (another writer changed it) is read again and gets the batch's changes on top.
 */
final class StagedBatch<T extends Record> {

    static final int MAX_ATTEMPTS = 5;

    /** Told after the batch's write which sequence number each changed document now holds. */
    interface Written {
        void written(String id, long sequence);
    }

    private final DocumentMapping<T> mapping;
    private final Written written;
    private final Set<String> prefetch;
    private final Map<String, Staged> staged = new LinkedHashMap<>();
    private boolean prefetched;

    /** @param prefetch the ids the batch's events will change, read together at the first use of any of them */
    StagedBatch(DocumentMapping<T> mapping, Written written, Set<String> prefetch) {
        this.mapping = mapping;
        this.written = written;
        this.prefetch = prefetch;
    }

    /** Applies {@code change} as the event with {@code sequence} to document {@code id}, unless it has it already. */
    boolean apply(String id, long sequence, UnaryOperator<T> change) {
        return document(id).apply(sequence, change);
    }

    private Staged document(String id) {
        if (!prefetched && prefetch.contains(id)) {
            prefetched = true;
            List<String> unread = prefetch.stream().filter(each -> !staged.containsKey(each)).toList();
            Map<String, BsonDocument> found = new LinkedHashMap<>();
            for (BsonDocument doc : mapping.collection.find(Filters.in("_id", unread))) {
                found.put(doc.getString("_id").getValue(), doc);
            }
            for (String each : unread) {
                staged.put(each, new Staged(each, found.get(each)));
            }
        }
        return staged.computeIfAbsent(id, k -> new Staged(k, mapping.find(k)));
    }

    /** Applies a change the store has already (written at once) to this batch's copy, if it holds the document. */
    void mirror(String id, UnaryOperator<T> change) {
        Staged document = staged.get(id);
        if (document != null && document.value != null) {
            // not kept among the document's changes: the store has it already, so a re-read for a conflict shows it
            document.value = change.apply(document.value);
        }
    }

    /** Writes every changed document: one unordered bulk write, then the conflicts one by one. */
    void write() {
        List<Staged> changed = staged.values().stream().filter(s -> s.dirty).toList();
        if (changed.isEmpty()) {
            return;
        }
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(changed.size());
        int replaces = 0;
        for (Staged s : changed) {
            if (!s.existed) {
                writes.add(new InsertOneModel<>(s.encoded()));
            } else {
                writes.add(s.writeOfExisting());
                replaces++;
            }
        }
        List<Staged> conflicts = new ArrayList<>();
        BulkWriteResult result;
        try {
            result = mapping.collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                conflicts.add(changed.get(error.getIndex()));
            }
            result = e.getWriteResult();
        }
        if (result.getMatchedCount() < replaces) {
            // some compare-and-set missed (the result does not say which): check every replaced document
            changed.stream().filter(s -> s.existed && !conflicts.contains(s)).forEach(conflicts::add);
        }
        for (Staged conflict : conflicts) {
            conflict.reconcile();
        }
        for (Staged s : changed) {
            written.written(s.id, s.sequence);
        }
    }

    /** One document: as read from the store, as changed by the batch, and the changes (to apply again on a conflict). */
    private final class Staged {
        private final String id;
        private boolean existed;
        private BsonValue storedSequence;
        private Set<String> storedFields;
        private T value;
        /** The sequence number of the last event the value includes; -1 for none. */
        private long sequence;
        private boolean dirty;
        private final List<Change<T>> changes = new ArrayList<>();

        Staged(String id, BsonDocument stored) {
            this.id = id;
            reset(stored);
        }

        private void reset(BsonDocument fromStore) {
            this.existed = fromStore != null;
            this.storedSequence = fromStore == null ? null : fromStore.get(mapping.sequenceField);
            this.sequence = DocumentMapping.sequence(storedSequence);
            this.storedFields = fromStore == null ? Set.of() : new HashSet<>(fromStore.keySet());
            this.value = fromStore == null ? null : mapping.decode(fromStore);
        }

        BsonDocument encoded() {
            return mapping.encode(id, value, sequence);
        }

        WriteModel<BsonDocument> writeOfExisting() {
            return mapping.writeOfExisting(id, storedSequence, storedFields, encoded());
        }

        boolean apply(long sequence, UnaryOperator<T> change) {
            if (!applyOnly(sequence, change)) {
                return false;
            }
            changes.add(new Change<>(sequence, change));
            dirty = true;
            return true;
        }

        private boolean applyOnly(long eventSequence, UnaryOperator<T> change) {
            if (sequence >= eventSequence) {
                return false; // applied already (a redelivery)
            }
            T next = change.apply(value);
            if (next == null) {
                return false;
            }
            value = next;
            sequence = eventSequence;
            return true;
        }

        /** Reads the document again and applies this batch's changes on top, until a compare-and-set holds. */
        void reconcile() {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                reset(mapping.find(id));
                boolean any = false;
                for (Change<T> change : changes) {
                    any |= applyOnly(change.sequence(), change.change());
                }
                if (!any) {
                    return; // the store has all of it already
                }
                try {
                    if (!existed) {
                        mapping.collection.insertOne(encoded());
                        return;
                    }
                    if (mapping.collection.bulkWrite(List.of(writeOfExisting())).getMatchedCount() == 1) {
                        return;
                    }
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            }
            throw new IllegalStateException(mapping.collectionName() + " document " + id
                    + " kept changing under this batch; the batch will be retried");
        }
    }

    private record Change<T>(long sequence, UnaryOperator<T> change) {
    }
}
