package org.pledge.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recomputes a range of the chain and reports the first break by sequence.
 *
 * <p>From {@code startLink} (the link of {@code from - 1}; {@link AuditLinks#GENESIS} for {@code from = 1}) it walks
 * {@code from..to} once, in order. At each sequence k:
 * <ol>
 *   <li>no record at k: {@link BreakKind#MISSING};</li>
 *   <li>a record but no stored link: {@link BreakKind#LINK_MISSING};</li>
 *   <li>the link recomputed from the link of k-1 and the record's canonical bytes <em>at position k</em> (never at
 *       the sequence the record claims) differs from the stored link: classified as
 *       {@link BreakKind#REORDERED} when the records at k and k+1, each computed at the other's position, give the
 *       stored links k and k+1; else {@link BreakKind#INSERTED} when the record at k+1 computed at k gives the stored
 *       link k (an inserted record shifted the rest); else {@link BreakKind#CHANGED};</li>
 *   <li>every checkpoint at k (checkpoints outside [from, to] are ignored): its signature must verify with the given
 *       key and key id ({@link BreakKind#CHECKPOINT_SIGNATURE}; checked first, so that a checkpoint edited in
 *       storage is reported as such), then its link must equal the recomputed link k
 *       ({@link BreakKind#CHECKPOINT_MISMATCH}: the chain was rewritten after the key signed it).</li>
 * </ol>
 * The walk stops at the first break. Linear in the range, one map lookup per sequence; thread-safe (no state).
 */
public final class ChainVerifier {

    private static final Comparator<Checkpoint> BY_SEQUENCE = Comparator.comparingLong(Checkpoint::sequence);

    /** What the walk reads at a sequence: the record and the stored link, each null when absent. */
    interface Source {
        AuditRecord record(long sequence);

        byte[] link(long sequence);
    }

    /**
     * Verifies the range [{@code from}, {@code to}]. An empty range ({@code to < from}) is ok with nothing verified.
     *
     * @param from        the first sequence, at least 1
     * @param to          the last sequence
     * @param startLink   the link of {@code from - 1} (from a signed checkpoint, or {@link AuditLinks#GENESIS})
     * @param records     the records by position (global sequence), as stored
     * @param storedLinks the stored links by sequence
     * @param checkpoints the checkpoints; those in [from, to] are checked, in any order
     * @param verifier    the verifier with the service's public key
     */
    public Verification verify(long from, long to, byte[] startLink, Map<Long, AuditRecord> records,
                               Map<Long, byte[]> storedLinks, List<Checkpoint> checkpoints,
                               CheckpointVerifier verifier) {
        return verify(from, to, startLink, records, storedLinks, checkpoints, verifier, null);
    }

    /**
     * As {@link #verify(long, long, byte[], Map, Map, List, CheckpointVerifier)}, and every checkpoint in the range
     * must name {@code service} (else {@link BreakKind#CHECKPOINT_MISMATCH}); null checks no service.
     */
    public Verification verify(long from, long to, byte[] startLink, Map<Long, AuditRecord> records,
                               Map<Long, byte[]> storedLinks, List<Checkpoint> checkpoints,
                               CheckpointVerifier verifier, String service) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(storedLinks, "storedLinks");
        return verify(from, to, startLink, new Source() {
            @Override
            public AuditRecord record(long sequence) {
                return records.get(sequence);
            }

            @Override
            public byte[] link(long sequence) {
                return storedLinks.get(sequence);
            }
        }, checkpoints, verifier, service);
    }

    /** The walk over any source; {@code service}, when not null, is the service every checkpoint must name. */
    Verification verify(long from, long to, byte[] startLink, Source source, List<Checkpoint> checkpoints,
                        CheckpointVerifier verifier, String service) {
        if (from < 1) {
            throw new IllegalArgumentException("the first sequence is 1, not " + from);
        }
        Objects.requireNonNull(startLink, "startLink");
        if (startLink.length != AuditLinks.LENGTH) {
            throw new IllegalArgumentException("a link has 32 bytes, the start link has " + startLink.length);
        }
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(verifier, "verifier");
        List<Checkpoint> due = inRange(checkpoints, from, to);
        int nextCheckpoint = 0;
        int checkpointsVerified = 0;
        byte[] previous = startLink;
        for (long k = from; k <= to; k++) {
            AuditRecord record = source.record(k);
            if (record == null) {
                return broken(from, to, k, checkpointsVerified, BreakKind.MISSING, "no record at sequence " + k);
            }
            byte[] stored = source.link(k);
            if (stored == null) {
                return broken(from, to, k, checkpointsVerified, BreakKind.LINK_MISSING,
                        "the record at sequence " + k + " has no stored link");
            }
            byte[] link = AuditLinks.next(previous, record, k);
            if (!Arrays.equals(link, stored)) {
                return broken(from, to, k, checkpointsVerified, classify(k, previous, record, stored, source));
            }
            while (nextCheckpoint < due.size() && due.get(nextCheckpoint).sequence() == k) {
                Checkpoint checkpoint = due.get(nextCheckpoint++);
                Break checkpointBreak = check(checkpoint, link, verifier, service);
                if (checkpointBreak != null) {
                    return Verification.broken(from, to, k - from + 1, checkpointsVerified, checkpointBreak);
                }
                checkpointsVerified++;
            }
            previous = link;
        }
        return Verification.ok(from, to, Math.max(0, to - from + 1), checkpointsVerified);
    }

    private static Break classify(long k, byte[] previous, AuditRecord record, byte[] stored, Source source) {
        AuditRecord following = source.record(k + 1);
        if (following != null) {
            byte[] followingHere = AuditLinks.next(previous, following, k);
            if (Arrays.equals(followingHere, stored)) {
                byte[] storedNext = source.link(k + 1);
                if (storedNext != null && Arrays.equals(AuditLinks.next(followingHere, record, k + 1), storedNext)) {
                    return new Break(k, BreakKind.REORDERED,
                            "the records at sequences " + k + " and " + (k + 1) + " are swapped");
                }
                return new Break(k, BreakKind.INSERTED, "the record at sequence " + k
                        + " is not in the chain; the records after it are shifted by one");
            }
        }
        return new Break(k, BreakKind.CHANGED,
                "the record at sequence " + k + " does not match its stored link");
    }

    private static Break check(Checkpoint checkpoint, byte[] link, CheckpointVerifier verifier, String service) {
        if (!verifier.verify(checkpoint)) {
            return new Break(checkpoint.sequence(), BreakKind.CHECKPOINT_SIGNATURE, "the checkpoint at sequence "
                    + checkpoint.sequence() + " does not verify with key " + verifier.keyId() + " ("
                    + verifier.algorithm() + "); it names key " + checkpoint.keyId() + " ("
                    + checkpoint.algorithm() + ")");
        }
        if (service != null && !service.equals(checkpoint.service())) {
            return new Break(checkpoint.sequence(), BreakKind.CHECKPOINT_MISMATCH, "the checkpoint at sequence "
                    + checkpoint.sequence() + " is of service " + checkpoint.service() + ", not " + service);
        }
        if (!Arrays.equals(checkpoint.link(), link)) {
            return new Break(checkpoint.sequence(), BreakKind.CHECKPOINT_MISMATCH, "the checkpoint at sequence "
                    + checkpoint.sequence() + " signs link " + hex(checkpoint.link()) + ", the chain has "
                    + hex(link));
        }
        return null;
    }

    private static List<Checkpoint> inRange(List<Checkpoint> checkpoints, long from, long to) {
        List<Checkpoint> due = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint != null && checkpoint.sequence() >= from && checkpoint.sequence() <= to) {
                due.add(checkpoint);
            }
        }
        due.sort(BY_SEQUENCE);
        return due;
    }

    private static Verification broken(long from, long to, long k, int checkpointsVerified, BreakKind kind,
                                       String detail) {
        return broken(from, to, k, checkpointsVerified, new Break(k, kind, detail));
    }

    private static Verification broken(long from, long to, long k, int checkpointsVerified, Break firstBreak) {
        return Verification.broken(from, to, k - from, checkpointsVerified, firstBreak);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
