package org.pledge.platform.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A read model of one document per aggregate, kept by an event processor: each document remembers the sequence
 * number of the last event applied to it (in {@code sequenceField}), an event at or below it is a redelivery and
 * changes nothing, and every write is a compare-and-set on {@code {_id, sequenceField}} (no transactions, no pipeline
 * updates: mongo-java-server has neither).
 *
 * <p><b>Per batch, not per event.</b> In an event processor's batch ({@link EndOfBatch} active) the first use reads
 * the documents of every aggregate of the batch with one {@code _id $in} query; changes are applied to those copies
 * (later events of an aggregate see the earlier ones' effects); after the batch's last event all changed documents
 * are written with one unordered bulk write, before the processor stores its token. So a batch costs two or three
 * commands (the driver sends a bulk's inserts and replaces as one command each) however many events it holds,
 * instead of a read and a write per event. If the batch fails, nothing of it was written, or some of it was: either way the redelivered batch applies each event once, by the sequence numbers.
 * Outside a batch every change is read and written at once.
 *
 * <p><b>Conflicts.</b> A document another writer changed since it was read (a processor segment taken over by another
 * instance, a sweep updating its own fields) fails its compare-and-set, or its insert as a duplicate: it is read again
 * and the batch's changes to it are applied again on top (those above its new sequence number), up to
 * {@value #MAX_ATTEMPTS} times, then the batch fails and is retried. So a change function must depend only on the
 * document it is given and its event, and a change written at once ({@link #updateAtOnce}) must be idempotent.
 *
 * <p><b>Fields written at once.</b> A field that changes apart from the document's own events (a link from another
 * aggregate's event, written by {@link #updateAtOnce}) is declared at construction. Writes of existing documents then
 * {@code $set} (and {@code $unset}) the other fields only, instead of replacing the document, so a batch that read
 * the document before such a change and writes it after does not drop it.
 *
 * <p>Filters are flat documents, never {@code Filters.and} (rendered as {@code $and}, which mongo-java-server answers by
 * scanning): the collection needs a unique index on exactly {@code {_id, sequenceField}} (see ADR 0005).
 *
 * <p><b>Reading one's own writes.</b> {@link #awaitSequence} waits, bounded, until a document holds at least a given
 * sequence number: the web layer calls it after a command, with the version the command left its aggregate at, so that
 * the client's next read shows its write (docs/adr/0007-read-your-writes.md). A write of this instance wakes the
 * waiters at once, without a query; a document another instance's processor writes is seen by re-reading it every
 * poll interval.
 */
public final class SequencedDocuments {

    static final int MAX_ATTEMPTS = 5;
    /** How many documents' last written sequence numbers are remembered for {@link #awaitSequence}. */
    static final int RECENT_WRITES = 10_000;

    private final MongoCollection<Document> collection;
    private final String sequenceField;
    private final Function<EventMessage<?>, String> idOfEvent;
    private final Set<String> writtenAtOnce;
    private final String resourceKey = SequencedDocuments.class.getName() + "@" + System.identityHashCode(this);
    /** Waiters per document id, woken by this instance's writes. */
    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
    /** The sequence number each recently written document was written with, by this instance. */
    private final Map<String, Long> recentWrites = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > RECENT_WRITES;
        }
    });

    /**
     * @param idOfEvent the document id an event of a batch will change, or null when it changes none (for the
     *                  one-query read at the start of a batch; other ids are read when first used)
     */
    public SequencedDocuments(MongoCollection<Document> collection, String sequenceField,
                              Function<EventMessage<?>, String> idOfEvent) {
        this(collection, sequenceField, idOfEvent, Set.of());
    }

    /**
     * @param writtenAtOnce the fields only {@link #updateAtOnce} changes: the writes of staged changes leave them as
     *                      they are in the store (a new document is inserted with whatever its copy holds)
     */
    public SequencedDocuments(MongoCollection<Document> collection, String sequenceField,
                              Function<EventMessage<?>, String> idOfEvent, Set<String> writtenAtOnce) {
        this.collection = collection;
        this.sequenceField = sequenceField;
        this.idOfEvent = idOfEvent;
        this.writtenAtOnce = Set.copyOf(writtenAtOnce);
    }

    /**
     * Applies the change of the event with sequence number {@code sequence} to document {@code id}, unless the
     * document has that event already. {@code change} gets the current document (null when there is none) and returns
     * the new one (it may change and return its argument), or null to change nothing; the sequence field is set here.
     *
     * @return whether the change was made (in a batch: will be written at its end)
     */
    public boolean apply(String id, long sequence, UnaryOperator<Document> change) {
        return run(id, entry -> entry.apply(sequence, change));
    }

    /**
     * A change that belongs to no event of the document's own aggregate (e.g. a link from another aggregate's event,
     * handled in another segment): written at once as the atomic {@code update} (upserting), never staged, because
     * it does not move the document's sequence number, so a compare-and-set could not tell it from a stale write.
     * It must change only fields declared written at once: the writes of staged changes (this batch's, or those of
     * another segment's batch that read the document before this update) leave those fields alone. If this batch
     * holds the document, {@code mirror} applies the same change to its copy, so later changes in the batch see it.
     */
    public void updateAtOnce(String id, Bson update, UnaryOperator<Document> mirror) {
        collection.updateOne(new Document("_id", id), update, new UpdateOptions().upsert(true));
        Batch batch = EndOfBatch.existingGatherer(resourceKey);
        if (batch != null) {
            batch.mirror(id, mirror);
        }
    }

    /**
     * Waits until document {@code id} holds sequence number {@code sequence} or a later one, at most {@code timeout}:
     * woken at once by this instance's writes, and re-reading the document every {@code pollInterval} for writes of
     * another instance. Returns whether it got there.
     */
    public boolean awaitSequence(String id, long sequence, Duration timeout, Duration pollInterval) {
        Waiter waiter = new Waiter(sequence);
        List<Waiter> forId = waiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        forId.add(waiter);
        try {
            // after registering: a write that comes later wakes the waiter, one that came earlier is remembered
            Long written = recentWrites.get(id);
            if (written != null && written >= sequence) {
                return true;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (waiter.latch.await(Math.max(0, Math.min(left, pollInterval.toNanos())), TimeUnit.NANOSECONDS)) {
                    return true;
                }
                if (storedSequence(id) >= sequence) {
                    return true;
                }
                if (deadline - System.nanoTime() <= 0) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            forId.remove(waiter);
            waiters.computeIfPresent(id, (k, list) -> list.isEmpty() ? null : list);
        }
    }

    /** The sequence number document {@code id} holds in the store, or -1 when it has none. */
    private long storedSequence(String id) {
        Document doc = collection.find(new Document("_id", id)).projection(Projections.include(sequenceField)).first();
        Number stored = doc == null ? null : doc.get(sequenceField, Number.class);
        return stored == null ? -1 : stored.longValue();
    }

    /** A document was written with {@code doc}'s sequence number: remember it and wake whoever waits for it. */
    private void written(String id, Document doc) {
        Number sequence = doc == null ? null : doc.get(sequenceField, Number.class);
        if (sequence == null) {
            return;
        }
        recentWrites.merge(id, sequence.longValue(), Math::max);
        List<Waiter> forId = waiters.get(id);
        if (forId != null) {
            for (Waiter waiter : forId) {
                if (sequence.longValue() >= waiter.sequence) {
                    waiter.latch.countDown();
                }
            }
        }
    }

    private record Waiter(long sequence, CountDownLatch latch) {
        Waiter(long sequence) {
            this(sequence, new CountDownLatch(1));
        }
    }

    private boolean run(String id, Function<Entry, Boolean> action) {
        Batch batch = EndOfBatch.gatherer(resourceKey, unitOfWork -> new Batch(idsOf(unitOfWork)), Batch::write);
        if (batch == null) {
            Batch alone = new Batch(Set.of());
            boolean changed = action.apply(alone.entry(id));
            alone.write();
            return changed;
        }
        return action.apply(batch.entry(id));
    }

    private Set<String> idsOf(UnitOfWork<?> unitOfWork) {
        Set<String> ids = new LinkedHashSet<>();
        List<?> messages = unitOfWork instanceof BatchingUnitOfWork<?> batch ? batch.getMessages() : List.of(unitOfWork.getMessage());
        for (Object message : messages) {
            if (message instanceof EventMessage<?> event) {
                String id = idOfEvent.apply(event);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private Document filter(String id, Object storedSequence) {
        Document filter = new Document("_id", id);
        // a document without a sequence (written by an unsequenced update only) is matched by _id alone
        return storedSequence == null ? filter : filter.append(sequenceField, storedSequence);
    }

    /** The documents one batch read and changed. */
    private final class Batch {
        private final Set<String> prefetch;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private boolean prefetched;

        Batch(Set<String> prefetch) {
            this.prefetch = prefetch;
        }

        Entry entry(String id) {
            if (!prefetched && prefetch.contains(id)) {
                prefetched = true;
                List<String> unread = prefetch.stream().filter(each -> !entries.containsKey(each)).toList();
                Map<String, Document> found = new LinkedHashMap<>();
                for (Document doc : collection.find(Filters.in("_id", unread))) {
                    found.put(doc.getString("_id"), doc);
                }
                for (String each : unread) {
                    entries.put(each, new Entry(each, found.get(each)));
                }
            }
            return entries.computeIfAbsent(id, k -> new Entry(k, collection.find(new Document("_id", k)).first()));
        }

        void mirror(String id, UnaryOperator<Document> change) {
            Entry entry = entries.get(id);
            if (entry != null && entry.doc != null) {
                // not kept among the entry's changes: the store has it already, so a re-read for a conflict shows it
                entry.doc = change.apply(entry.doc);
            }
        }

        void write() {
            List<Entry> changed = entries.values().stream().filter(e -> e.dirty).toList();
            if (changed.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
            int replaces = 0;
            for (Entry e : changed) {
                if (!e.existed) {
                    writes.add(new InsertOneModel<>(e.doc));
                } else {
                    writes.add(e.writeOfExisting());
                    replaces++;
                }
            }
            List<Entry> conflicts = new ArrayList<>();
            BulkWriteResult result;
            try {
                result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
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
                changed.stream().filter(e -> e.existed && !conflicts.contains(e)).forEach(conflicts::add);
            }
            for (Entry conflict : conflicts) {
                conflict.reconcile();
            }
            for (Entry e : changed) {
                written(e.id, e.doc);
            }
        }
    }

    /** One document: as read from the store, as changed by the batch, and the changes (to apply again on a conflict). */
    private final class Entry {
        private final String id;
        private boolean existed;
        private Object storedSequence;
        private Set<String> storedFields;
        private Document doc;
        private boolean dirty;
        private final List<Change> changes = new ArrayList<>();

        Entry(String id, Document stored) {
            this.id = id;
            reset(stored);
        }

        private void reset(Document fromStore) {
            this.existed = fromStore != null;
            this.storedSequence = fromStore == null ? null : fromStore.get(sequenceField);
            this.storedFields = fromStore == null ? Set.of() : new HashSet<>(fromStore.keySet());
            this.doc = fromStore;
        }

        /**
         * The compare-and-set write of a document that existed when read: its whole copy, or, with fields written at
         * once, {@code $set} of every other field and {@code $unset} of the other fields the copy no longer has.
         */
        WriteModel<Document> writeOfExisting() {
            Document filter = filter(id, storedSequence);
            if (writtenAtOnce.isEmpty()) {
                return new ReplaceOneModel<>(filter, doc);
            }
            Document set = new Document();
            doc.forEach((field, value) -> {
                if (!field.equals("_id") && !writtenAtOnce.contains(field)) {
                    set.append(field, value);
                }
            });
            Document unset = new Document();
            for (String field : storedFields) {
                if (!doc.containsKey(field) && !writtenAtOnce.contains(field)) {
                    unset.append(field, "");
                }
            }
            Document update = new Document("$set", set);
            if (!unset.isEmpty()) {
                update.append("$unset", unset);
            }
            return new UpdateOneModel<>(filter, update);
        }

        boolean apply(long sequence, UnaryOperator<Document> change) {
            if (!applyOnly(sequence, change)) {
                return false;
            }
            changes.add(new Change(sequence, change));
            dirty = true;
            return true;
        }

        private boolean applyOnly(long sequence, UnaryOperator<Document> change) {
            if (doc != null) {
                Number last = doc.get(sequenceField, Number.class);
                if (last != null && last.longValue() >= sequence) {
                    return false; // applied already (a redelivery)
                }
            }
            Document next = change.apply(doc);
            if (next == null) {
                return false;
            }
            next.putIfAbsent("_id", id);
            next.put(sequenceField, sequence);
            doc = next;
            return true;
        }

        /** Reads the document again and applies this batch's changes on top, until a compare-and-set holds. */
        void reconcile() {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                reset(collection.find(new Document("_id", id)).first());
                boolean any = false;
                for (Change change : changes) {
                    any |= applyOnly(change.sequence(), change.change());
                }
                if (!any) {
                    return; // the store has all of it already
                }
                try {
                    if (!existed) {
                        collection.insertOne(doc);
                        return;
                    }
                    if (collection.bulkWrite(List.of(writeOfExisting())).getMatchedCount() == 1) {
                        return;
                    }
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            }
            throw new IllegalStateException(collection.getNamespace().getCollectionName() + " document " + id
                    + " kept changing under this batch; the batch will be retried");
        }
    }

    private record Change(long sequence, UnaryOperator<Document> change) {
    }
}
