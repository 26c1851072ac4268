package org.pledge.platform.eventstore;

import java.time.Instant;

/**
 * One global sequence number as it is stored, field by field, for readers outside the engine that must see exactly
 * what is there (the audit chain): an event, or a tombstone ({@link #tombstone()} {@code aborted} or {@code sealed}).
 * Nothing is upcast or deserialised: the payload and metadata are the stored strings.
 * <p>
 * Read from documents nobody vouches for (anyone with write access to the database can change them), so it never
 * fails on an unexpected field type: such a field reads as null and {@link #unreadable()} names it.
 *
 * @param sequence            the global sequence number ({@code _id})
 * @param tombstone           {@code aborted} or {@code sealed} for a tombstone; null for an event
 * @param aggregateIdentifier the aggregate (for an event without one: its event identifier, as stored)
 * @param aggregateSequence   the event's sequence number in its aggregate
 * @param type                the aggregate type; null for an event without an aggregate
 * @param eventIdentifier     the event's identifier
 * @param payloadType         the serialised payload's type name
 * @param payloadRevision     the payload's revision, or null
 * @param timestamp           the event's timestamp as stored (milliseconds)
 * @param metaData            the serialised metadata as stored
 * @param payload             the serialised payload as stored
 * @param unreadable          the first field whose stored type is not what the engine writes, or null
 */
public record StoredEvent(long sequence, String tombstone, String aggregateIdentifier, long aggregateSequence,
                          String type, String eventIdentifier, String payloadType, String payloadRevision,
                          Instant timestamp, String metaData, String payload, String unreadable) {

    /** Whether this number holds a tombstone rather than an event. */
    public boolean isTombstone() {
        return tombstone != null;
    }
}
