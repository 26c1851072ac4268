package org.pledge.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.pledge.platform.privacy.api.DataSubjectErasedEvent;
import org.pledge.platform.privacy.api.ErasureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a data subject in this service, in three steps that a retry may repeat in full:
 * <ol>
 *   <li>the key store replaces the subject's key by a tombstone holding the erasure's record (the first erasure's
 *       record stays; from now on nothing of the subject can be decrypted, and what is written for it is stored as
 *       the marker);</li>
 *   <li>every {@link PersonalDataHolder} bean scrubs what it holds of the subject;</li>
 *   <li>a {@link DataSubjectErasedEvent} is stored in the event store, once per subject (its own stream, sequence 0:
 *       a second append loses on the store's unique key), and the tombstone is marked completed. The integration
 *       publisher maps that event to {@code pledge.privacy.data-subject-erased.v1} unless the erasure was received
 *       from another service (no ping-pong).</li>
 * </ol>
 * A crash between the steps leaves an uncompleted tombstone: the next request or message for the subject, or the
 * periodic {@link #completeUnfinished} (also at start-up), finishes it.
 */
public class DataSubjectErasures {

    private static final Logger log = LoggerFactory.getLogger(DataSubjectErasures.class);
    private static final int SWEEP_BATCH = 100;

    private final DataSubjectKeyStore keys;
    private final Supplier<List<PersonalDataHolder>> holders;
    private final Supplier<EventStore> eventStore;

    public DataSubjectErasures(DataSubjectKeyStore keys, Supplier<List<PersonalDataHolder>> holders,
                               Supplier<EventStore> eventStore) {
        this.keys = keys;
        this.holders = holders;
        this.eventStore = eventStore;
    }

    /**
     * Erases {@code subjectRef} (idempotent): the answer is the first erasure's record, completed.
     *
     * @param erasedBy         who asks (an admin's subject, the retention, the service whose erasure this follows)
     * @param requestedThrough a {@code RequestedThrough} value
     * @param metaData         the erasure event's metadata: actor, roles, client, correlation id
     */
    public ErasureRecord erase(String subjectRef, ErasureReason reason, String erasedBy, String requestedThrough,
                               Map<String, ?> metaData) {
        return erase(subjectRef, reason.code(), erasedBy, requestedThrough, metaData);
    }

    /** As above with a reason code as received (another service may know more reasons than this one). */
    public ErasureRecord erase(String subjectRef, String reasonCode, String erasedBy, String requestedThrough,
                               Map<String, ?> metaData) {
        requireSubject(subjectRef);
        ErasureRecord record = keys.erase(subjectRef, reasonCode, erasedBy, requestedThrough);
        return record.completed() ? record : complete(record, metaData);
    }

    /** The subject's erasure, if it is erased (no personal data). */
    public Optional<ErasureRecord> status(String subjectRef) {
        requireSubject(subjectRef);
        return keys.erasure(subjectRef);
    }

    /** Whether the subject is erased, as this instance knows within {@code pledge.privacy.key-cache-ttl}. */
    public boolean isErased(String subjectRef) {
        return subjectRef != null && !subjectRef.isBlank() && keys.isErased(subjectRef);
    }

    /** Finishes the erasures a crash left uncompleted; returns how many it finished. */
    public int completeUnfinished(Map<String, ?> metaData) {
        int done = 0;
        for (ErasureRecord record : keys.uncompleted(SWEEP_BATCH)) {
            try {
                complete(record, metaData);
                done++;
            } catch (RuntimeException e) {
                log.warn("Could not complete the erasure of data subject {} yet: {}", record.subjectRef(), e.toString());
            }
        }
        return done;
    }

    /** The event store stream of a subject's erasure: a name-based UUID of the reference (one identifier space). */
    public static String streamId(String subjectRef) {
        return UUID.nameUUIDFromBytes(("pledge:data-subject:" + subjectRef).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ErasureRecord complete(ErasureRecord record, Map<String, ?> metaData) {
        for (PersonalDataHolder holder : holders.get()) {
            holder.erase(record.subjectRef());
        }
        recordEvent(record, metaData);
        keys.markCompleted(record.subjectRef());
        return new ErasureRecord(record.subjectRef(), record.erasedAt(), record.reason(), record.erasedBy(),
                record.requestedThrough(), true);
    }

    private void recordEvent(ErasureRecord record, Map<String, ?> metaData) {
        String streamId = streamId(record.subjectRef());
        EventStore store = eventStore.get();
        if (recorded(store, streamId)) {
            return;
        }
        DataSubjectErasedEvent event = new DataSubjectErasedEvent(record.subjectRef(), record.reason(), record.erasedAt(),
                record.erasedBy(), record.requestedThrough());
        try {
            store.publish(new GenericDomainEventMessage<>(DataSubjectErasedEvent.AGGREGATE_TYPE, streamId, 0L, event,
                    MetaData.from(metaData)));
        } catch (RuntimeException e) {
            if (!recorded(store, streamId)) {
                throw e;
            }
            // another instance (or a retry) stored it first: that is the one event of this erasure
        }
    }

    private static boolean recorded(EventStore store, String streamId) {
        DomainEventStream stream = store.readEvents(streamId);
        return stream.hasNext();
    }

    private static void requireSubject(String subjectRef) {
        if (subjectRef == null || subjectRef.isBlank()) {
            throw new IllegalArgumentException("a data subject reference is required");
        }
    }
}
