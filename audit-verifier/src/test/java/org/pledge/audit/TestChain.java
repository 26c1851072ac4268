package org.pledge.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * An in-memory chain as a service stores it: records by position, stored links, checkpoints every few sequences;
 * and the ways to tamper with it, each done the way someone with write access to the store would.
 */
final class TestChain {

    static final String SERVICE = "case-service";
    static final Instant SIGNED_AT = Instant.parse("2025-01-02T03:04:05.678Z");

    final Map<Long, AuditRecord> records = new HashMap<>();
    final Map<Long, byte[]> links = new HashMap<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    final CheckpointSigner signer;
    final long size;

    /** Sequences 1..size from {@code recordAt}, with a signed checkpoint at every multiple of {@code every}. */
    TestChain(long size, int every, CheckpointSigner signer, LongFunction<AuditRecord> recordAt) {
        this(size, signer);
        byte[] link = AuditLinks.GENESIS;
        for (long sequence = 1; sequence <= size; sequence++) {
            AuditRecord record = recordAt.apply(sequence);
            link = AuditLinks.next(link, record.canonicalBytes());
            records.put(sequence, record);
            links.put(sequence, link);
            if (every > 0 && sequence % every == 0) {
                checkpoints.add(signer.sign(SERVICE, sequence, link, SIGNED_AT.plusSeconds(sequence)));
            }
        }
    }

    /** An empty chain of {@code size} sequences, to be filled by the caller. */
    TestChain(long size, CheckpointSigner signer) {
        this.size = size;
        this.signer = signer;
    }

    /** Events 1..size, sealed tombstones at every multiple of 9. */
    static TestChain of(long size, int every, CheckpointSigner signer) {
        return new TestChain(size, every, signer,
                sequence -> sequence % 9 == 0 ? AuditRecord.tombstone(sequence, AuditRecord.SEALED)
                        : AuditRecords.event(sequence));
    }

    Verification verify() {
        return verify(1, size, AuditLinks.GENESIS);
    }

    Verification verify(long from, long to, byte[] startLink) {
        return new ChainVerifier().verify(from, to, startLink, records, links, checkpoints, signer.verifier());
    }

    /** Replaces the stored content at {@code sequence} (the document keeps its position). */
    void replace(long sequence, AuditRecord record) {
        records.put(sequence, at(record, sequence));
    }

    /** Deletes the record at {@code sequence}, keeping its stored link. */
    void delete(long sequence) {
        records.remove(sequence);
    }

    /** Inserts {@code record} at {@code sequence}, moving that record and every later one up by one. */
    void insert(long sequence, AuditRecord record) {
        long last = records.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (long moved = last; moved >= sequence; moved--) {
            records.put(moved + 1, at(records.get(moved), moved + 1));
        }
        records.put(sequence, at(record, sequence));
    }

    /** Swaps the contents of {@code sequence} and {@code sequence + 1}. */
    void swap(long sequence) {
        AuditRecord first = records.get(sequence);
        AuditRecord second = records.get(sequence + 1);
        records.put(sequence, at(second, sequence));
        records.put(sequence + 1, at(first, sequence + 1));
    }

    /** The record as a reader of the store sees it at {@code position}: its sequence is where it lies. */
    static AuditRecord at(AuditRecord r, long position) {
        return new AuditRecord(position, r.kind(), r.aggregateIdentifier(), r.aggregateSequence(), r.type(),
                r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(), r.metaData(), r.payload());
    }
}
