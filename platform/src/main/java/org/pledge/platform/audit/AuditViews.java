package org.pledge.platform.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pledge.audit.AuditRecord;
import org.pledge.audit.Checkpoint;

/** What the audit API answers (JSON; byte arrays as lowercase hex). */
public final class AuditViews {

    private static final HexFormat HEX = HexFormat.of();

    private AuditViews() {
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    /** The answer of {@code GET /api/audit/verification}. */
    @Schema(name = "AuditVerification", description = "The result of recomputing a range of this service's audit chain")
    public record Verification(
            @Schema(description = "The service whose event store the chain covers") String service,
            @Schema(description = "Whether the whole range verified") boolean ok,
            @Schema(description = "The first sequence asked for") long from,
            @Schema(description = "The last sequence asked for") long to,
            @Schema(description = "Where the recomputation started: 1, or the sequence after the nearest signed"
                    + " checkpoint before `from`") long verifiedFrom,
            @Schema(description = "Sequences (events and tombstones) that verified before the first break")
            long eventsVerified,
            @Schema(description = "Signed checkpoints inside the range that verified (signature and link)")
            int checkpointsVerified,
            @Schema(description = "The checkpoints used") CheckpointRange checkpoints,
            @Schema(description = "The first break, null when ok") Break firstBreak,
            @Schema(description = "The highest chained sequence (or signed checkpoint) of this service when asked")
            long chainedHead,
            @Schema(description = "The key the checkpoints were checked with") String keyId) {
    }

    /** The checkpoints a verification used. */
    @Schema(name = "AuditCheckpointRange")
    public record CheckpointRange(
            @Schema(description = "The signed checkpoint the range started from (its link is the start link); null"
                    + " when it started from the genesis link at sequence 1") Long start,
            @Schema(description = "The first checkpoint verified inside the range, or null") Long first,
            @Schema(description = "The last checkpoint verified inside the range, or null") Long last,
            @Schema(description = "The newest checkpoint this service has signed (compare it with the copy published"
                    + " on pledge.audit.v1), or null") Long latest) {
    }

    /** The first break of a chain. */
    @Schema(name = "AuditBreak")
    public record Break(
            @Schema(description = "The global sequence number where the chain breaks") long sequence,
            @Schema(description = "How it breaks") org.pledge.audit.BreakKind kind,
            @Schema(description = "What was found (numbers and hashes only)") String detail) {

        static Break of(org.pledge.audit.Break found) {
            return found == null ? null : new Break(found.sequence(), found.kind(), found.detail());
        }
    }

    /** One global sequence number as stored (an {@code AuditRecord}). */
    @Schema(name = "AuditRecord", description = "One global sequence number of the event store as stored")
    public record Record(
            long sequence,
            @Schema(description = "event, or aborted / sealed for the storage engine's tombstones") String kind,
            String aggregateIdentifier,
            long aggregateSequence,
            String type,
            String eventIdentifier,
            String payloadType,
            String payloadRevision,
            Instant timestamp,
            @Schema(description = "The serialized metadata exactly as stored") String metaData,
            @Schema(description = "The serialized payload exactly as stored") String payload) {

        static Record of(AuditRecord record) {
            return record == null ? null : new Record(record.sequence(), record.kind(), record.aggregateIdentifier(),
                    record.aggregateSequence(), record.type(), record.eventIdentifier(), record.payloadType(),
                    record.payloadRevision(), record.timestamp(), record.metaData(), record.payload());
        }
    }

    /** A signed checkpoint. */
    @Schema(name = "AuditCheckpoint")
    public record SignedCheckpoint(
            String service,
            long sequence,
            @Schema(description = "The chain's link at sequence, hex") String link,
            Instant signedAt,
            String keyId,
            @Schema(description = "Ed25519 or SHA256withECDSA") String algorithm,
            @Schema(description = "The signature of the checkpoint's signed bytes (docs/audit.md), hex") String signature,
            @Schema(description = "Whether it was published on pledge.audit.v1") boolean published) {

        static SignedCheckpoint of(StoredCheckpoint stored) {
            if (stored == null) {
                return null;
            }
            Checkpoint c = stored.checkpoint();
            return new SignedCheckpoint(c.service(), c.sequence(), hex(c.link()), c.signedAt(), c.keyId(),
                    c.algorithm(), hex(c.signature()), stored.published());
        }
    }

    /** One step of a proof's path: the canonical bytes of a following sequence. */
    @Schema(name = "AuditPathStep")
    public record PathStep(
            long sequence,
            @Schema(description = "The record's canonical bytes at this sequence, hex; null when no record is stored"
                    + " there") String canonicalBytes) {
    }

    /** The answer of {@code GET /api/audit/events/{sequence}}. */
    @Schema(name = "AuditEventProof", description = "One stored sequence with its link and the path to the nearest checkpoint at or after it:"
            + " link(n) = SHA-256(link(n-1) ‖ canonicalBytes(n)), from previousLink through the path to the"
            + " checkpoint's link")
    public record EventProof(
            String service,
            long sequence,
            @Schema(description = "The stored document, null when none is stored at the sequence") Record record,
            @Schema(description = "The record's canonical bytes at this sequence, hex") String canonicalBytes,
            @Schema(description = "The stored link at this sequence, hex") String link,
            @Schema(description = "The stored link at the sequence before (the genesis link, 64 zeros, for 1), hex")
            String previousLink,
            @Schema(description = "The canonical bytes of each following sequence up to and including the"
                    + " checkpoint's; empty when the checkpoint is at this sequence, null when there is no checkpoint"
                    + " yet") List<PathStep> path,
            @Schema(description = "The nearest signed checkpoint at or after this sequence, null when none yet")
            SignedCheckpoint checkpoint) {
    }

    /** The answer of {@code GET /api/audit/public-key}. */
    @Schema(name = "AuditPublicKey")
    public record PublicKey(
            String service,
            @Schema(description = "The first 16 hex characters of the SHA-256 of the X.509-encoded key") String keyId,
            @Schema(description = "Ed25519 or SHA256withECDSA") String algorithm,
            @Schema(description = "The public key, PEM (X.509 SubjectPublicKeyInfo)") String publicKey) {
    }
}
