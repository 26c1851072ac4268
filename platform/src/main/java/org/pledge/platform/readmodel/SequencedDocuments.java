package org.pledge.platform.readmodel;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.conversions.Bson;

/**
 * A read model of one document per aggregate, kept by an event processor as records of type {@code T}: each document
 * remembers the sequence number of the last event applied to it (in {@code sequenceField}), an event at or below it
 * is a redelivery and changes nothing, and every write is a compare-and-set on {@code {_id, sequenceField}} (no
 * transactions, no pipeline updates: mongo-java-server has neither).
 *
 * <p><b>What a projection does to use it.</b>
 * <ol>
 *   <li>Declares its document as a record read and written by the collection's codecs ({@link ReadModelCodecs}):
 *       a public record, {@code @BsonId} on the id component, field-name constants from {@link RecordFields} for its
 *       queries. A component stored as the sequence field is the projection's to set (to the event's sequence number,
 *       so later events of the batch see it); the value stored is always the number of the last event applied.</li>
 *   <li>Creates the unique index on exactly {@code {_id: 1, <sequenceField>: 1}} (see ADR 0005) and passes
 *       {@code idOfEvent}, the document an event of a batch changes, so a batch's documents are read in one query.</li>
 *   <li>Handles each event of its own aggregate with {@link #apply}{@code (id, sequence, current -> next)}: a pure
 *       function of the current record (null when there is none) and the event, returning the new record or null for
 *       no change. It may run more than once (a conflict re-applies it on a fresh read).</li>
 *   <li>Changes a document from another aggregate's event only with {@link #updateAtOnce}, an idempotent atomic update
 *       of fields declared written at once, with the same change as a function on the record.</li>
 *   <li>After a command, the web layer calls {@link #awaitSequence} with the aggregate's new version.</li>
 * </ol>
 * A record's null components are not stored (the driver's record codec leaves them out): a query must treat a
 * missing field as null, as {@code $eq: null} does. A replace writes the record's fields only: a field the record
 * does not know is dropped, unless the fields written at once are declared (then only the record's fields are set or
 * removed).
 *
 * <p><b>Per batch, not per event.</b> In an event processor's batch ({@link BatchEndTasks} active) the first use reads
 * the documents of every aggregate of the batch with one {@code _id $in} query; changes are applied to those copies
 * (later events of an aggregate see the earlier ones' effects); after the batch's last event all changed documents
 * are written with one unordered bulk write, before the processor stores its token ({@link StagedBatch}). So a batch
 * costs two or three commands (the driver sends a bulk's inserts and replaces as one command each) however many
 * events it holds, instead of a read and a write per event. If the batch fails, nothing of it was written, or some
 * of it was: either way the redelivered batch applies each event once, by the sequence numbers. Outside a batch
 * every change is read and written at once.
 *
 * <p><b>Conflicts.</b> A document another writer changed since it was read (a processor segment taken over by another
 * instance, a sweep updating its own fields) fails its compare-and-set, or its insert as a duplicate: it is read again
 * and the batch's changes to it are applied again on top (those above its new sequence number), up to
 * {@value StagedBatch#MAX_ATTEMPTS} times, then the batch fails and is retried.
 *
 * <p><b>Fields written at once.</b> A field that changes apart from the document's own events (a link from another
 * aggregate's event, written by {@link #updateAtOnce}) is declared at construction. Writes of existing documents then
 * {@code $set} (and {@code $unset}) the record's other fields only, instead of replacing the document, so a batch that
 * read the document before such a change and writes it after does not drop it ({@link DocumentMapping}).
 *
 * <p>Filters are flat documents, never {@code Filters.and} (rendered as {@code $and}, which mongo-java-server answers by
 * scanning).
 *
 * <p><b>Reading one's own writes.</b> {@link #awaitSequence} waits, bounded, until a document holds at least a given
 * sequence number: the web layer calls it after a command, with the version the command left its aggregate at, so that
 * the client's next read shows its write (docs/adr/0007-read-your-writes.md). A write of this instance wakes the
 * waiters at once, without a query; a document another instance's processor writes is seen by re-reading it every
 * poll interval ({@link SequenceWaiters}).
 *
 * @param <T> the record a document is read and written as
 */
public final class SequencedDocuments<T extends Record> {

    private final DocumentMapping<T> mapping;
    private final Function<EventMessage<?>, String> idOfEvent;
    private final SequenceWaiters waiters;
    private final String resourceKey = SequencedDocuments.class.getName() + "@" + System.identityHashCode(this);

    /**
     * @param collection the collection, read and written as {@code T} with the codecs its registry holds
     * @param idOfEvent  the document id an event of a batch will change, or null when it changes none (for the
     *                   one-query read at the start of a batch; other ids are read when first used)
     */
    public SequencedDocuments(MongoCollection<T> collection, String sequenceField, Function<EventMessage<?>, String> idOfEvent) {
        this(collection, sequenceField, idOfEvent, Set.of());
    }

    /**
     * @param writtenAtOnce the fields only {@link #updateAtOnce} changes: the writes of staged changes leave them as
     *                      they are in the store (a new document is inserted with whatever its copy holds)
     */
    public SequencedDocuments(MongoCollection<T> collection, String sequenceField, Function<EventMessage<?>, String> idOfEvent,
                              Set<String> writtenAtOnce) {
        this.mapping = new DocumentMapping<>(collection, sequenceField, writtenAtOnce);
        this.idOfEvent = idOfEvent;
        this.waiters = new SequenceWaiters(mapping::storedSequence);
    }

    /**
     * Applies the change of the event with sequence number {@code sequence} to document {@code id}, unless the
     * document has that event already. {@code change} gets the current record (null when there is none) and returns
     * the new one, or null to change nothing; the sequence field is set here.
     *
     * @return whether the change was made (in a batch: will be written at its end)
     */
    public boolean apply(String id, long sequence, UnaryOperator<T> change) {
        StagedBatch<T> batch = BatchEndTasks.gatherer(resourceKey, unitOfWork -> newBatch(idsOf(unitOfWork)), StagedBatch::write);
        if (batch == null) {
            StagedBatch<T> alone = newBatch(Set.of());
            boolean changed = alone.apply(id, sequence, change);
            alone.write();
            return changed;
        }
        return batch.apply(id, sequence, change);
    }

    /**
     * A change that belongs to no event of the document's own aggregate (e.g. a link from another aggregate's event,
     * handled in another segment): written at once as the atomic {@code update} (upserting), never staged, because
     * it does not move the document's sequence number, so a compare-and-set could not tell it from a stale write.
     * It must change only fields declared written at once: the writes of staged changes (this batch's, or those of
     * another segment's batch that read the document before this update) leave those fields alone. If this batch
     * holds the document, {@code mirror} applies the same change to its copy, so later changes in the batch see it.
     */
    public void updateAtOnce(String id, Bson update, UnaryOperator<T> mirror) {
        mapping.collection.updateOne(DocumentMapping.byId(id), update, new UpdateOptions().upsert(true));
        StagedBatch<T> batch = BatchEndTasks.existingGatherer(resourceKey);
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
        return waiters.await(id, sequence, timeout, pollInterval);
    }

    private StagedBatch<T> newBatch(Set<String> prefetch) {
        return new StagedBatch<>(mapping, waiters::written, prefetch);
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
}
