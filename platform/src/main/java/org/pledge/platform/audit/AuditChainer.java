package org.pledge.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.pledge.audit.AuditLinks;
import org.pledge.audit.AuditRecord;
import org.pledge.audit.Checkpoint;
import org.pledge.audit.CheckpointSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the chain over the stored documents and signs its checkpoints. Called by {@link AuditChainProcessor} at the
 * end of each batch with the highest global sequence number the processor has passed, and by
 * {@link CheckpointOutbox} for the time-based checkpoint.
 *
 * <h2>Chaining</h2>
 * From the last chained sequence + 1 up to the target, in slices of {@value #SLICE} numbers: read the documents
 * ({@code _id $in}) and the links already stored there, compute link n = SHA-256(link n-1 ‖ canonical bytes of record
 * n), insert the missing links (unordered, one round trip per slice). Every number up to the processor's index holds
 * a document (the tracker passes a number only once it holds an event or a tombstone); if one is missing anyway the
 * links before it are stored and {@link ChainHoleException} fails the batch, which the processor retries: the chain
 * never passes a hole.
 *
 * <h2>Idempotent</h2>
 * A link already stored for a sequence (a redelivered batch, another instance that held the segment) is compared and
 * never overwritten; the chain goes on from the stored link. One that differs is logged as an error (the store was
 * changed; verification names it).
 *
 * <h2>Checkpoints</h2>
 * At every sequence {@code checkpoint-every} past the previous checkpoint, and ({@link #checkpointIfDue}) at the head
 * when it moved and the previous checkpoint is {@code checkpoint-interval} old, the link is signed and stored unpublished
 * in {@code audit_checkpoints} (insert-if-absent), after the links it covers.
 * <p>
 * State (the head and the last checkpoint) is read from the store at first use and then kept in memory, under one lock.
 */
final class AuditChainer {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    /** Numbers read per query. */
    static final int SLICE = 500;
    private static final HexFormat HEX = HexFormat.of();

    private final StoredRecords records;
    private final StoredLinks links;
    private final StoredCheckpoints checkpoints;
    private final CheckpointSigner signer;
    private final String service;
    private final Clock clock;
    private final long checkpointEvery;
    private final Duration checkpointInterval;
    private final Runnable checkpointStored;
    private final ReentrantLock lock = new ReentrantLock();

    private boolean loaded;
    private long head;
    private byte[] headLink;
    private long lastCheckpoint;
    private Instant lastCheckpointAt;
    private long mismatches;

    /**
     * @param checkpointStored told after a checkpoint was stored (the outbox publishes it)
     */
    AuditChainer(StoredRecords records, StoredLinks links, StoredCheckpoints checkpoints, CheckpointSigner signer,
                 String service, Clock clock, long checkpointEvery, Duration checkpointInterval,
                 Runnable checkpointStored) {
        this.records = records;
        this.links = links;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.service = service;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.checkpointInterval = checkpointInterval;
        this.checkpointStored = checkpointStored;
    }

    /**
     * Chains every number up to {@code target}; returns the chained head.
     *
     * @throws ChainHoleException when a number up to {@code target} has no document (the links before it are kept)
     */
    long chainUpTo(long target) {
        lock.lock();
        try {
            load();
            while (head < target) {
                chainSlice(head + 1, Math.min(target, head + SLICE));
            }
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** Signs the head if it moved since the last checkpoint and that is {@code checkpoint-interval} old. */
    void checkpointIfDue() {
        lock.lock();
        try {
            load();
            if (head > lastCheckpoint && !clock.instant().isBefore(lastCheckpointAt.plus(checkpointInterval))) {
                sign(head, headLink);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The chained head as this instance knows it (0 before its first use, or for an empty chain). */
    long head() {
        lock.lock();
        try {
            return head;
        } finally {
            lock.unlock();
        }
    }

    /** How many stored links differed from the recomputation since start (each logged as an error). */
    long mismatches() {
        lock.lock();
        try {
            return mismatches;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the chain again from the genesis link in memory (the processor was reset): what follows recomputes every
     * link and compares it with the stored one, changing none. The last checkpoint is kept.
     */
    void rewind() {
        lock.lock();
        try {
            load();
            head = 0;
            headLink = AuditLinks.genesis();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the state kept in memory: the next use reads it from the store again. */
    void reload() {
        lock.lock();
        try {
            loaded = false;
        } finally {
            lock.unlock();
        }
    }

    private void load() {
        if (loaded) {
            return;
        }
        head = links.highest();
        headLink = AuditLinks.genesis();
        if (head > 0) {
            byte[] stored = links.at(head);
            if (stored != null && stored.length == AuditLinks.LENGTH) {
                headLink = stored;
            } else {
                log.error("The stored audit link at sequence {} is unreadable; the chain goes on from the genesis link"
                        + " and verification reports the break", head);
            }
        }
        StoredCheckpoint last = checkpoints.latest().orElse(null);
        lastCheckpoint = last == null ? 0 : last.sequence();
        lastCheckpointAt = last == null || last.checkpoint().signedAt() == null ? clock.instant()
                : last.checkpoint().signedAt();
        loaded = true;
    }

    private void chainSlice(long from, long to) {
        Map<Long, AuditRecord> slice = records.between(from, to);
        List<Long> sequences = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            sequences.add(n);
        }
        Map<Long, byte[]> existing = links.at(sequences);
        Map<Long, byte[]> computed = new LinkedHashMap<>();
        Map<Long, byte[]> toSign = new LinkedHashMap<>();
        byte[] previous = headLink;
        long last = from - 1;
        long checkpointBase = lastCheckpoint;
        Long hole = null;
        for (long n = from; n <= to; n++) {
            AuditRecord record = slice.get(n);
            if (record == null) {
                hole = n;
                break;
            }
            byte[] link = AuditLinks.next(previous, record, n);
            byte[] stored = existing.get(n);
            if (stored == null) {
                computed.put(n, link);
            } else if (!Arrays.equals(stored, link)) {
                mismatch(n, stored, link);
                if (stored.length == AuditLinks.LENGTH) {
                    link = stored; // never overwritten: the chain goes on from what is stored
                }
            }
            if (n - checkpointBase >= checkpointEvery) {
                toSign.put(n, link);
                checkpointBase = n;
            }
            previous = link;
            last = n;
        }
        List<Long> taken = links.insert(computed);
        if (!taken.isEmpty()) {
            // another instance stored them between our read and our insert: the same links, or the batch is retried
            Map<Long, byte[]> theirs = links.at(taken);
            for (Long n : taken) {
                if (!Arrays.equals(theirs.get(n), computed.get(n))) {
                    throw new IllegalStateException("audit link " + n + " was stored concurrently with another value;"
                            + " the batch is retried from the stored links");
                }
            }
        }
        head = last;
        headLink = previous;
        toSign.forEach(this::sign);
        if (hole != null) {
            throw new ChainHoleException(hole);
        }
    }

    private void sign(long sequence, byte[] link) {
        Checkpoint checkpoint = signer.sign(service, sequence, link, clock.instant());
        if (checkpoints.insertIfAbsent(checkpoint)) {
            log.debug("Audit checkpoint at sequence {} signed with key {}", sequence, checkpoint.keyId());
        }
        lastCheckpoint = sequence;
        lastCheckpointAt = checkpoint.signedAt();
        checkpointStored.run();
    }

    private void mismatch(long sequence, byte[] stored, byte[] computed) {
        mismatches++;
        // numbers and hashes only: never stored content
        log.error("The stored audit link at sequence {} ({}) is not the one its document gives ({}); it is kept (links"
                        + " are never overwritten) and verification reports the break",
                sequence, HEX.formatHex(stored), HEX.formatHex(computed));
    }

    /** A number up to the processor's index has no document: the chain stops before it and the batch is retried. */
    static final class ChainHoleException extends IllegalStateException {
        private final long sequence;

        ChainHoleException(long sequence) {
            super("global sequence number " + sequence + " has no document although the event processor passed it;"
                    + " the audit chain stops before it and retries (it never chains past a hole)");
            this.sequence = sequence;
        }

        long sequence() {
            return sequence;
        }
    }
}
