package org.pledge.platform.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pledge.audit.AuditExport;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.AuditLinks;
import org.pledge.audit.AuditRecord;
import org.pledge.audit.Break;
import org.pledge.audit.BreakKind;
import org.pledge.audit.ChainVerifier;
import org.pledge.audit.Checkpoint;
import org.pledge.audit.CheckpointVerifier;
import org.pledge.audit.Verification;

/**
 * What the audit API reads: a range of the chain recomputed and checked ({@link #verify}), one sequence with the path
 * to its checkpoint ({@link #proof}), a range exported for the offline verifier ({@link #export}), the public key.
 * <p>
 * Every range is checked first ({@link #range}): from 1 (default) to at most the chain's head (default), at most
 * {@code pledge.audit.max-range} sequences. A range not starting at 1 starts from the nearest signed checkpoint before
 * {@code from} (its signature checked, its link the start link), never from an unsigned stored link. The work is done
 * in slices of {@value #SLICE} sequences ({@code _id $in} on the events and on the links), so memory stays bounded
 * whatever the range.
 */
public class AuditTrail {

    static final int SLICE = 500;

    private final StoredRecords records;
    private final StoredLinks links;
    private final StoredCheckpoints checkpoints;
    private final CheckpointVerifier verifier;
    private final String service;
    private final long maxRange;
    private final long checkpointEvery;

    AuditTrail(StoredRecords records, StoredLinks links, StoredCheckpoints checkpoints, CheckpointVerifier verifier,
               String service, long maxRange, long checkpointEvery) {
        this.records = records;
        this.links = links;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.service = service;
        this.maxRange = maxRange;
        this.checkpointEvery = checkpointEvery;
    }

    /** A checked range: what was asked, and where the work starts (1, or after the nearest signed checkpoint). */
    record Range(long from, long to, long start, byte[] startLink, StoredCheckpoint startCheckpoint, long head) {
    }

    // ------------------------------------------------------------------------------------------ verification

    /** Recomputes [{@code from}, {@code to}] (defaults: 1, the chain's head) and reports the first break. */
    public AuditViews.Verification verify(Long from, Long to) {
        Range range = range(from, to);
        Long latest = checkpoints.latest().map(StoredCheckpoint::sequence).orElse(null);
        Long start = range.startCheckpoint() == null ? null : range.startCheckpoint().sequence();
        Break startBreak = checkStart(range);
        if (startBreak != null) {
            return report(range, false, 0, 0, new AuditViews.CheckpointRange(start, null, null, latest), startBreak);
        }
        List<Checkpoint> inRange = checkpoints.between(range.start(), range.to());
        ChainVerifier chain = new ChainVerifier();
        byte[] previous = range.startLink();
        long verified = 0;
        int checkpointsVerified = 0;
        for (long a = range.start(); a <= range.to(); a += SLICE) {
            long b = Math.min(range.to(), a + SLICE - 1);
            // one more than the slice: a break at its last sequence is classified with the next one
            Map<Long, AuditRecord> slice = records.between(a, b + 1);
            Map<Long, byte[]> stored = links.at(sequences(a, b + 1));
            long first = a;
            List<Checkpoint> due = inRange.stream().filter(c -> c.sequence() >= first && c.sequence() <= b).toList();
            Verification result = chain.verify(a, b, previous, slice, stored, due, verifier, service);
            verified += result.eventsVerified();
            checkpointsVerified += result.checkpointsVerified();
            if (!result.ok()) {
                return report(range, false, verified, checkpointsVerified,
                        used(inRange, checkpointsVerified, start, latest), result.firstBreak());
            }
            previous = stored.get(b);
        }
        return report(range, true, verified, checkpointsVerified, used(inRange, checkpointsVerified, start, latest),
                null);
    }

    private AuditViews.Verification report(Range range, boolean ok, long verified, int checkpointsVerified,
                                           AuditViews.CheckpointRange used, Break firstBreak) {
        return new AuditViews.Verification(service, ok, range.from(), range.to(), range.start(), verified,
                checkpointsVerified, used, AuditViews.Break.of(firstBreak), range.head(), verifier.keyId());
    }

    private static AuditViews.CheckpointRange used(List<Checkpoint> inRange, int verified, Long start, Long latest) {
        Long first = verified == 0 ? null : inRange.get(0).sequence();
        Long last = verified == 0 ? null : inRange.get(verified - 1).sequence();
        return new AuditViews.CheckpointRange(start, first, last, latest);
    }

    /** The start checkpoint must be signed with the service's key and name the service. */
    private Break checkStart(Range range) {
        StoredCheckpoint start = range.startCheckpoint();
        if (start == null) {
            return null;
        }
        if (!verifier.verify(start.checkpoint())) {
            return new Break(start.sequence(), BreakKind.CHECKPOINT_SIGNATURE, "the checkpoint at sequence "
                    + start.sequence() + ", where the range starts, does not verify with key " + verifier.keyId()
                    + " (" + verifier.algorithm() + "); it names key " + start.checkpoint().keyId());
        }
        if (!service.equals(start.checkpoint().service())) {
            return new Break(start.sequence(), BreakKind.CHECKPOINT_MISMATCH, "the checkpoint at sequence "
                    + start.sequence() + ", where the range starts, is of another service");
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ one sequence

    /** One stored sequence, its link, the link before it, and the path to the nearest checkpoint at or after it. */
    public AuditViews.EventProof proof(long sequence) {
        if (sequence < 1) {
            throw new AuditRangeException(AuditRangeException.INVALID, "Sequences start at 1.");
        }
        byte[] link = links.at(sequence);
        if (link == null) {
            throw new NotChainedException(sequence, links.highest());
        }
        byte[] previous = sequence == 1 ? AuditLinks.genesis() : links.at(sequence - 1);
        AuditRecord record = records.at(sequence);
        StoredCheckpoint checkpoint = checkpoints.firstAtOrAfter(sequence).orElse(null);
        List<AuditViews.PathStep> path = null;
        if (checkpoint != null && checkpoint.sequence() - sequence <= maxRange) {
            path = new ArrayList<>();
            for (long a = sequence + 1; a <= checkpoint.sequence(); a += SLICE) {
                long b = Math.min(checkpoint.sequence(), a + SLICE - 1);
                Map<Long, AuditRecord> slice = records.between(a, b);
                for (long n = a; n <= b; n++) {
                    AuditRecord step = slice.get(n);
                    path.add(new AuditViews.PathStep(n, step == null ? null : AuditViews.hex(step.canonicalBytesAt(n))));
                }
            }
        }
        return new AuditViews.EventProof(service, sequence, AuditViews.Record.of(record),
                record == null ? null : AuditViews.hex(record.canonicalBytesAt(sequence)), AuditViews.hex(link),
                AuditViews.hex(previous), path, AuditViews.SignedCheckpoint.of(checkpoint));
    }

    // ------------------------------------------------------------------------------------------ export

    /** Writes an export once its range is checked. */
    @FunctionalInterface
    public interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * The export of [{@code from}, {@code to}] in the offline verifier's format ({@link AuditExport}), checked now and
     * written when asked: it starts after the nearest signed checkpoint before {@code from} (the header's
     * {@code startCheckpoint}), or at 1; one line per stored sequence (a sequence without a document has none),
     * then the checkpoints of the range.
     */
    public Export export(Long from, Long to) {
        Range range = range(from, to);
        return out -> {
            AuditExport.Writer writer = AuditExport.writer(out);
            writer.header(new AuditExport.Header(service, range.start(), range.to(), range.startLink(),
                    range.startCheckpoint() == null ? null : range.startCheckpoint().checkpoint()));
            for (long a = range.start(); a <= range.to(); a += SLICE) {
                long b = Math.min(range.to(), a + SLICE - 1);
                Map<Long, AuditRecord> slice = records.between(a, b);
                Map<Long, byte[]> stored = links.at(sequences(a, b));
                for (long n = a; n <= b; n++) {
                    AuditRecord record = slice.get(n);
                    if (record != null) {
                        writer.record(record, stored.get(n));
                    }
                }
            }
            for (Checkpoint checkpoint : checkpoints.between(range.start(), range.to())) {
                writer.checkpoint(checkpoint);
            }
            writer.flush();
        };
    }

    // ------------------------------------------------------------------------------------------ key

    public AuditViews.PublicKey publicKey() {
        return new AuditViews.PublicKey(service, verifier.keyId(), verifier.algorithm(),
                AuditKeys.writePem(verifier.publicKey()));
    }

    // ------------------------------------------------------------------------------------------ ranges

    /**
     * Checks a requested range: {@code from} at least 1 (default 1), {@code to} at most the chain's head (default),
     * not before {@code from}, at most {@code max-range} sequences; then finds where the work starts.
     */
    Range range(Long from, Long to) {
        long chained = links.highest();
        long latest = checkpoints.latest().map(StoredCheckpoint::sequence).orElse(0L);
        // a checkpoint beyond the stored links means links were removed: the range reaches it and shows the break
        long head = Math.max(chained, latest);
        long f = from == null ? 1 : from;
        long t = to == null ? head : to;
        if (f < 1) {
            throw new AuditRangeException(AuditRangeException.INVALID, "from must be 1 or more.");
        }
        if (t < f && (from != null || to != null)) {
            throw new AuditRangeException(AuditRangeException.INVALID, to != null && t < f
                    ? "to (" + t + ") is before from (" + f + ")."
                    : "from (" + f + ") is beyond the end of the chain (" + head + ").");
        }
        if (t > head) {
            throw new AuditRangeException(AuditRangeException.INVALID, "to (" + t + ") is beyond the end of the chain ("
                    + head + "); the chain follows the event store a batch behind.");
        }
        if (t - f + 1 > maxRange) {
            throw new AuditRangeException(AuditRangeException.TOO_LARGE, "The range " + f + ".." + t + " covers "
                    + (t - f + 1) + " sequences; at most " + maxRange + " per request (pledge.audit.max-range).");
        }
        if (f == 1 || t < f) {
            return new Range(f, t, 1, AuditLinks.genesis(), null, head);
        }
        StoredCheckpoint start = checkpoints.latestBefore(f).orElse(null);
        long first = start == null ? 1 : start.sequence() + 1;
        if (t - first + 1 > maxRange + checkpointEvery) {
            throw new AuditRangeException(AuditRangeException.TOO_LARGE, "The nearest signed checkpoint before " + f
                    + " is " + (start == null ? "none: the range would be recomputed from 1" : "at " + start.sequence())
                    + "; that is more than " + (maxRange + checkpointEvery) + " sequences before " + t + ".");
        }
        byte[] startLink = start == null ? AuditLinks.genesis() : start.checkpoint().link();
        if (startLink == null || startLink.length != AuditLinks.LENGTH) {
            startLink = AuditLinks.genesis(); // an unreadable link: its checkpoint does not verify (reported)
        }
        return new Range(f, t, first, startLink, start, head);
    }

    private static List<Long> sequences(long from, long to) {
        List<Long> numbers = new ArrayList<>((int) Math.max(0, to - from + 1));
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
