package org.pledge.audit;

import java.time.Instant;

/**
 * One global sequence number of a service's event store, as stored: an event, or a tombstone the storage engine
 * wrote for a number it gave up ({@code "aborted"}) or sealed as a gap ({@code "sealed"}).
 *
 * <p>For an event every field is set as stored ({@code payloadRevision} and {@code metaData} may be null when the
 * store holds none). For a tombstone only {@link #sequence()} and {@link #kind()} are set; the text fields are null,
 * {@code aggregateSequence} is 0 and {@code timestamp} is null.
 *
 * <p>The record is not validated: it carries what was read, tampered or not, and the chain decides whether it is
 * intact. {@code payload} and {@code metaData} are the stored text (JSON or XML) exactly as stored.
 *
 * @param sequence           the global sequence number (the stored document's {@code _id})
 * @param kind               {@value #EVENT}, {@value #ABORTED} or {@value #SEALED}
 * @param aggregateIdentifier the aggregate the event belongs to
 * @param aggregateSequence  the event's sequence number within its aggregate
 * @param type               the aggregate type
 * @param eventIdentifier    the event's unique identifier
 * @param payloadType        the payload's type name
 * @param payloadRevision    the payload's revision, or null
 * @param timestamp          when the event happened (the store keeps milliseconds)
 * @param metaData           the serialized metadata as stored, or null
 * @param payload            the serialized payload as stored
 */
public record AuditRecord(long sequence, String kind, String aggregateIdentifier, long aggregateSequence, String type,
                          String eventIdentifier, String payloadType, String payloadRevision, Instant timestamp,
                          String metaData, String payload) {

    /** {@link #kind()} of a domain event. */
    public static final String EVENT = "event";
    /** {@link #kind()} of a number the storage engine gave up after a failed append. */
    public static final String ABORTED = "aborted";
    /** {@link #kind()} of a number the storage engine sealed as a gap. */
    public static final String SEALED = "sealed";

    /** A tombstone: {@code kind} is {@value #ABORTED} or {@value #SEALED}; every other field is null or 0. */
    public static AuditRecord tombstone(long sequence, String kind) {
        return new AuditRecord(sequence, kind, null, 0, null, null, null, null, null, null, null);
    }

    /** Whether this is a tombstone rather than an event (by {@link #kind()}). */
    public boolean isTombstone() {
        return ABORTED.equals(kind) || SEALED.equals(kind);
    }

    /**
     * The link input of this record at its own {@link #sequence()}: the canonical bytes defined in
     * {@code docs/audit.md}, section "The chain". Link n = SHA-256(link n-1 ‖ canonical bytes of record n)
     * ({@link AuditLinks#next(byte[], byte[])}).
     */
    public byte[] canonicalBytes() {
        return canonicalBytesAt(sequence);
    }

    /**
     * The link input of this record's content placed at {@code position}: the canonical bytes with {@code position}
     * instead of {@link #sequence()}. A verifier computes the bytes at the position it checks, never from a number
     * the record itself claims.
     */
    public byte[] canonicalBytesAt(long position) {
        return CanonicalBytes.encode(this, position);
    }
}
