package org.pledge.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.AuditLinks;
import org.pledge.audit.BreakKind;
import org.pledge.audit.Checkpoint;
import org.pledge.audit.CheckpointSigner;
import org.pledge.audit.ExportVerifier;
import org.pledge.audit.Verification;
import org.pledge.testsupport.infra.MemoryMongo;

/**
 * The audit API's reader on a real (in-memory) mongo-java-server: ranges, verification and the first break of each
 * kind of tampering, the proof of one sequence, the export.
 */
class AuditTrailTest {

    private static final HexFormat HEX = HexFormat.of();

    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo();

    private CheckpointSigner signer;
    private AuditFixture audit;

    @BeforeEach
    void setUp() {
        signer = AuditFixture.newSigner();
        audit = new AuditFixture(mongo.database("audit"), signer, 10, 50);
        for (int i = 0; i < 5; i++) {
            audit.append(5);
        }
        audit.chainer.chainUpTo(25); // checkpoints at 10 and 20
    }

    @Test
    void anUntouchedStore_verifies_withEveryCheckpointOfTheRange() {
        AuditViews.Verification result = audit.trail.verify(null, null);

        assertThat(result.ok()).isTrue();
        assertThat(result.firstBreak()).isNull();
        assertThat(result.from()).isEqualTo(1);
        assertThat(result.to()).isEqualTo(25);
        assertThat(result.verifiedFrom()).isEqualTo(1);
        assertThat(result.eventsVerified()).isEqualTo(25);
        assertThat(result.checkpointsVerified()).isEqualTo(2);
        assertThat(result.checkpoints()).isEqualTo(new AuditViews.CheckpointRange(null, 10L, 20L, 20L));
        assertThat(result.chainedHead()).isEqualTo(25);
        assertThat(result.keyId()).isEqualTo(signer.keyId());
    }

    @Test
    void aRangeNotStartingAt1_startsFromTheNearestSignedCheckpointBeforeIt() {
        AuditViews.Verification result = audit.trail.verify(15L, 22L);

        assertThat(result.ok()).isTrue();
        assertThat(result.verifiedFrom()).isEqualTo(11); // after the checkpoint at 10
        assertThat(result.eventsVerified()).isEqualTo(12); // 11..22
        assertThat(result.checkpoints()).isEqualTo(new AuditViews.CheckpointRange(10L, 20L, 20L, 20L));
        assertThat(audit.trail.verify(11L, 11L).verifiedFrom()).isEqualTo(11);
        assertThat(audit.trail.verify(5L, 5L).verifiedFrom()).isEqualTo(1); // no checkpoint before 5
    }

    @Test
    void ranges_outsideTheChainOrTooLarge_areProblems_withNumbersOnly() {
        assertRange(0L, 5L, AuditRangeException.INVALID, "from must be 1 or more.");
        assertRange(9L, 3L, AuditRangeException.INVALID, "to (3) is before from (9).");
        assertRange(1L, 26L, AuditRangeException.INVALID, "to (26) is beyond the end of the chain (25)");
        assertRange(30L, null, AuditRangeException.INVALID, "from (30) is beyond the end of the chain (25).");
        AuditFixture narrow = new AuditFixture(mongo.database("audit"), signer, 10, 20);
        assertThatThrownBy(() -> narrow.trail.verify(1L, 21L)).isInstanceOf(AuditRangeException.class)
                .hasMessage("The range 1..21 covers 21 sequences; at most 20 per request (pledge.audit.max-range).")
                .extracting(e -> ((AuditRangeException) e).code()).isEqualTo(AuditRangeException.TOO_LARGE);
        assertThat(narrow.trail.verify(5L, 24L).ok()).isTrue();
    }

    @Test
    void anEmptyChain_verifiesWithNothingToDo() {
        AuditFixture empty = new AuditFixture(mongo.database("empty"), signer, 10, 50);
        AuditViews.Verification result = empty.trail.verify(null, null);
        assertThat(result.ok()).isTrue();
        assertThat(result.eventsVerified()).isZero();
        assertThat(result.to()).isZero();
    }

    @Test
    void aChangedPayload_isChanged_atItsSequence() {
        Document event = audit.event(13);
        String payload = event.getString("serializedPayload");
        event.put("serializedPayload", payload.replace("note 2", "note 3"));
        audit.put(13, event);

        assertBreak(audit.trail.verify(null, null), 13, BreakKind.CHANGED);
        assertBreak(audit.trail.verify(12L, 25L), 13, BreakKind.CHANGED);
        // a range after it starts from the checkpoint at 20, past the change
        assertThat(audit.trail.verify(21L, 25L).ok()).isTrue();
    }

    @Test
    void aChangedTimestamp_orAFieldOfAnotherType_isChanged() {
        Document event = audit.event(7);
        event.put("timeStamp", Date.from(Instant.parse("2026-03-01T09:59:59Z")));
        audit.put(7, event);
        assertBreak(audit.trail.verify(null, null), 7, BreakKind.CHANGED);

        event.put("timeStamp", "2026-03-01T10:00:00Z");
        audit.put(7, event);
        assertBreak(audit.trail.verify(null, null), 7, BreakKind.CHANGED);
    }

    @Test
    void aDeletedEvent_isMissing() {
        audit.events().deleteOne(new Document("_id", 17L));
        assertBreak(audit.trail.verify(null, null), 17, BreakKind.MISSING);
    }

    @Test
    void anInsertedEvent_shiftingTheRestUp_isInserted() {
        audit.shiftUp(8, 25);
        Document forged = audit.event(9);
        forged.put("aggregateKey", "forged/0");
        forged.put("eventIdentifier", "forged");
        forged.put("serializedPayload", "{\"thing\":\"forged\",\"number\":0,\"text\":\"forged\"}");
        audit.put(8, forged);

        assertBreak(audit.trail.verify(null, null), 8, BreakKind.INSERTED);
    }

    @Test
    void twoSwappedEvents_areReordered_atTheFirst() {
        Document fourth = audit.event(4);
        Document fifth = audit.event(5);
        audit.events().deleteMany(new Document("_id", new Document("$in", java.util.List.of(4L, 5L))));
        audit.put(4, fifth);
        audit.put(5, fourth);

        assertBreak(audit.trail.verify(null, null), 4, BreakKind.REORDERED);
    }

    @Test
    void aCheckpointSignedWithAnotherKey_isRejected_inTheRangeAndWhereARangeStarts() {
        CheckpointSigner intruder = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        Checkpoint genuine = audit.checkpoints.between(20, 20).get(0);
        Checkpoint forged = intruder.sign(AuditFixture.SERVICE, 20, genuine.link(), genuine.signedAt());
        mongo.database("audit").getCollection("audit_checkpoints").deleteOne(new Document("_id", 20L));
        audit.checkpoints.insertIfAbsent(forged);

        assertBreak(audit.trail.verify(null, null), 20, BreakKind.CHECKPOINT_SIGNATURE);
        AuditViews.Verification fromIt = audit.trail.verify(22L, 25L);
        assertBreak(fromIt, 20, BreakKind.CHECKPOINT_SIGNATURE);
        assertThat(fromIt.eventsVerified()).isZero();
    }

    @Test
    void proof_givesTheRecordItsLinksAndAPathThatRecomputesTheCheckpointsSignedLink() {
        AuditViews.EventProof proof = audit.trail.proof(13);

        assertThat(proof.record().sequence()).isEqualTo(13);
        assertThat(proof.record().kind()).isEqualTo("event");
        assertThat(proof.record().payload()).isEqualTo(audit.event(13).getString("serializedPayload"));
        assertThat(proof.checkpoint().sequence()).isEqualTo(20);
        assertThat(signer.verifier().verify(audit.checkpoints.between(20, 20).get(0))).isTrue();
        assertThat(proof.path()).extracting(AuditViews.PathStep::sequence).containsExactly(14L, 15L, 16L, 17L, 18L, 19L, 20L);
        // what anyone can do with the answer alone
        byte[] link = AuditLinks.next(HEX.parseHex(proof.previousLink()), HEX.parseHex(proof.canonicalBytes()));
        assertThat(HEX.formatHex(link)).isEqualTo(proof.link());
        for (AuditViews.PathStep step : proof.path()) {
            link = AuditLinks.next(link, HEX.parseHex(step.canonicalBytes()));
        }
        assertThat(HEX.formatHex(link)).isEqualTo(proof.checkpoint().link());

        assertThat(audit.trail.proof(20).path()).isEmpty();
        assertThat(audit.trail.proof(1).previousLink()).isEqualTo("0".repeat(64));
        assertThat(audit.trail.proof(23).checkpoint()).isNull();
        assertThat(audit.trail.proof(23).path()).isNull();
    }

    @Test
    void proof_ofASequenceNotChained_isNotFound_andBelow1_isInvalid() {
        assertThatThrownBy(() -> audit.trail.proof(26)).isInstanceOf(NotChainedException.class)
                .hasMessageStartingWith("Sequence 26 is not chained; the chain ends at 25.");
        assertThatThrownBy(() -> audit.trail.proof(0)).isInstanceOf(AuditRangeException.class);
    }

    @Test
    void export_fromTheNearestCheckpoint_verifiesOffline_andFailsAfterTampering(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.ndjson");
        Files.write(file, export(13L, 25L));
        Verification verified = ExportVerifier.verify(file, signer.verifier());
        assertThat(verified.ok()).isTrue();
        assertThat(verified.from()).isEqualTo(11);
        assertThat(verified.to()).isEqualTo(25);
        assertThat(verified.checkpointsVerified()).isEqualTo(1);

        Document event = audit.event(16);
        event.put("serializedMetaData", event.getString("serializedMetaData").replace("tester", "someone"));
        audit.put(16, event);
        Files.write(file, export(null, null));
        Verification broken = ExportVerifier.verify(file, signer.verifier());
        assertThat(broken.ok()).isFalse();
        assertThat(broken.firstBreak().sequence()).isEqualTo(16);
        assertThat(broken.firstBreak().kind()).isEqualTo(BreakKind.CHANGED);
    }

    @Test
    void publicKey_isThePemOfTheSigningKey() {
        AuditViews.PublicKey key = audit.trail.publicKey();
        assertThat(AuditKeys.readPublicKey(key.publicKey())).isEqualTo(signer.publicKey());
        assertThat(key.keyId()).isEqualTo(signer.keyId());
        assertThat(key.algorithm()).isEqualTo("Ed25519");
        assertThat(key.service()).isEqualTo(AuditFixture.SERVICE);
    }

    private byte[] export(Long from, Long to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.trail.export(from, to).writeTo(out);
        return out.toByteArray();
    }

    private void assertRange(Long from, Long to, String code, String detail) {
        assertThatThrownBy(() -> audit.trail.verify(from, to)).isInstanceOf(AuditRangeException.class)
                .hasMessageStartingWith(detail)
                .extracting(e -> ((AuditRangeException) e).code()).isEqualTo(code);
    }

    private static void assertBreak(AuditViews.Verification result, long sequence, BreakKind kind) {
        assertThat(result.ok()).as("ok").isFalse();
        assertThat(result.firstBreak().sequence()).as("first broken sequence").isEqualTo(sequence);
        assertThat(result.firstBreak().kind()).as("kind").isEqualTo(kind);
    }
}
