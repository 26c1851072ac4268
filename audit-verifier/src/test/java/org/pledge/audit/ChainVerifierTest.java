package org.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final CheckpointSigner SIGNER = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));

    /** 30 sequences (tombstones at 9, 18, 27), checkpoints at 5, 10, ..., 30. */
    private final TestChain chain = TestChain.of(30, 5, SIGNER);

    @Test
    void chain_verifies_whenUntouched() {
        assertThat(chain.verify()).isEqualTo(Verification.ok(1, 30, 30, 6));
    }

    @Test
    void chain_isChanged_whenOneByteOfAPayloadChanges() {
        AuditRecord original = chain.records.get(7L);
        byte[] payload = original.payload().getBytes(StandardCharsets.UTF_8);
        payload[payload.length - 3] ^= 0x01;
        chain.replace(7, withPayload(original, new String(payload, StandardCharsets.UTF_8)));

        assertBreak(chain.verify(), 7, BreakKind.CHANGED);
        assertThat(chain.verify().eventsVerified()).isEqualTo(6);
        assertThat(chain.verify().checkpointsVerified()).isEqualTo(1);
    }

    @Test
    void chain_isChanged_whenATimestampChanges() {
        AuditRecord r = chain.records.get(7L);
        chain.replace(7, new AuditRecord(7, r.kind(), r.aggregateIdentifier(), r.aggregateSequence(), r.type(),
                r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp().plusMillis(1),
                r.metaData(), r.payload()));

        assertBreak(chain.verify(), 7, BreakKind.CHANGED);
    }

    @Test
    void chain_isChanged_whenATombstoneBecomesAnEvent() {
        chain.replace(9, AuditRecords.event(9));

        assertBreak(chain.verify(), 9, BreakKind.CHANGED);
    }

    @Test
    void chain_isMissing_whenAnEventIsDeleted() {
        chain.delete(7);

        assertBreak(chain.verify(), 7, BreakKind.MISSING);
    }

    @Test
    void chain_isMissing_whenTheEventAndItsLinkAreDeleted() {
        chain.delete(7);
        chain.links.remove(7L);

        assertBreak(chain.verify(), 7, BreakKind.MISSING);
    }

    @Test
    void chain_isInserted_whenAnEventIsInsertedAndTheRestShifted() {
        chain.insert(7, AuditRecords.event(700));

        assertBreak(chain.verify(), 7, BreakKind.INSERTED);
    }

    @Test
    void chain_isReordered_whenTwoAdjacentEventsAreSwapped() {
        chain.swap(7);

        assertBreak(chain.verify(), 7, BreakKind.REORDERED);
    }

    @Test
    void chain_isReordered_whenTheLastTwoOfTheRangeAreSwapped() {
        chain.swap(29);

        assertBreak(chain.verify(), 29, BreakKind.REORDERED);
    }

    @Test
    void chain_isLinkMissing_whenAStoredLinkIsRemoved() {
        chain.links.remove(7L);

        assertBreak(chain.verify(), 7, BreakKind.LINK_MISSING);
    }

    @Test
    void chain_isChanged_whenAStoredLinkIsEdited() {
        byte[] edited = chain.links.get(7L).clone();
        edited[0] ^= 1;
        chain.links.put(7L, edited);

        assertBreak(chain.verify(), 7, BreakKind.CHANGED);
    }

    @Test
    void checkpoint_isMismatch_whenItsLinkIsWrongButSigned() {
        Checkpoint genuine = chain.checkpoints.get(1);
        byte[] wrong = genuine.link().clone();
        wrong[5] ^= 1;
        chain.checkpoints.set(1, SIGNER.sign(TestChain.SERVICE, 10, wrong, genuine.signedAt()));

        assertBreak(chain.verify(), 10, BreakKind.CHECKPOINT_MISMATCH);
        assertThat(chain.verify().eventsVerified()).isEqualTo(10);
        assertThat(chain.verify().checkpointsVerified()).isEqualTo(1);
    }

    @Test
    void checkpoint_isMismatch_whenTheChainWasRewrittenWithItsLinks() {
        chain.replace(7, withPayload(chain.records.get(7L), "{\"note\":\"rewritten\"}"));
        byte[] link = chain.links.get(6L);
        for (long sequence = 7; sequence <= 30; sequence++) {
            link = AuditLinks.next(link, chain.records.get(sequence).canonicalBytes());
            chain.links.put(sequence, link);
        }

        assertBreak(chain.verify(), 10, BreakKind.CHECKPOINT_MISMATCH);
    }

    @Test
    void checkpoint_isMismatch_whenItNamesAnotherServiceThanTheOneChecked() {
        chain.checkpoints.set(2, SIGNER.sign("feedback-service", 15, chain.links.get(15L), TestChain.SIGNED_AT));
        ChainVerifier verifier = new ChainVerifier();

        assertBreak(verifier.verify(1, 30, AuditLinks.GENESIS, chain.records, chain.links, chain.checkpoints,
                SIGNER.verifier(), TestChain.SERVICE), 15, BreakKind.CHECKPOINT_MISMATCH);
        assertThat(verifier.verify(1, 30, AuditLinks.GENESIS, chain.records, chain.links, chain.checkpoints,
                SIGNER.verifier(), null).ok()).isTrue();
    }

    @Test
    void checkpoint_isSignature_whenItsLinkIsEditedInStorage() {
        Checkpoint genuine = chain.checkpoints.get(1);
        byte[] edited = genuine.link().clone();
        edited[5] ^= 1;
        chain.checkpoints.set(1, new Checkpoint(genuine.service(), genuine.sequence(), edited, genuine.signedAt(),
                genuine.keyId(), genuine.algorithm(), genuine.signature()));

        assertBreak(chain.verify(), 10, BreakKind.CHECKPOINT_SIGNATURE);
    }

    @Test
    void checkpoint_isSignature_whenSignedWithAnotherKey() {
        CheckpointSigner other = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        chain.checkpoints.set(2, other.sign(TestChain.SERVICE, 15, chain.links.get(15L), TestChain.SIGNED_AT));

        assertBreak(chain.verify(), 15, BreakKind.CHECKPOINT_SIGNATURE);
    }

    @Test
    void verify_reportsTheFirstBreakBySequence_whenThereAreSeveral() {
        chain.delete(22);
        chain.swap(12);
        CheckpointSigner other = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        chain.checkpoints.set(3, other.sign(TestChain.SERVICE, 20, chain.links.get(20L), TestChain.SIGNED_AT));

        assertBreak(chain.verify(), 12, BreakKind.REORDERED);
    }

    @Test
    void verify_checksOnlyTheRange_fromTheStartLink() {
        chain.delete(3);
        chain.delete(28);

        Verification middle = chain.verify(11, 25, chain.links.get(10L));

        assertThat(middle).isEqualTo(Verification.ok(11, 25, 15, 3));
    }

    @Test
    void verify_isChanged_whenTheStartLinkIsNotTheChains() {
        assertBreak(chain.verify(11, 25, chain.links.get(9L)), 11, BreakKind.CHANGED);
    }

    @Test
    void verify_computesAtThePosition_notAtTheSequenceARecordClaims() {
        AuditRecord seventh = chain.records.get(7L);
        chain.records.put(8L, seventh);

        assertBreak(chain.verify(), 8, BreakKind.CHANGED);
    }

    @Test
    void verify_isOk_whenTheRangeIsEmpty() {
        assertThat(chain.verify(31, 30, chain.links.get(30L))).isEqualTo(Verification.ok(31, 30, 0, 0));
    }

    @Test
    void verify_refusesArguments_thatAreNotARange() {
        ChainVerifier verifier = new ChainVerifier();
        assertThatThrownBy(() -> verifier.verify(0, 3, AuditLinks.GENESIS, Map.of(), Map.of(), List.of(),
                SIGNER.verifier())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> verifier.verify(1, 3, new byte[31], Map.of(), Map.of(), List.of(),
                SIGNER.verifier())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verify_worksWithEcdsaCheckpoints() {
        TestChain ecdsa = TestChain.of(12, 4, new CheckpointSigner(AuditKeys.generate(AuditKeys.ECDSA_P256)));

        assertThat(ecdsa.verify()).isEqualTo(Verification.ok(1, 12, 12, 3));
    }

    private static AuditRecord withPayload(AuditRecord r, String payload) {
        return new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(), r.type(),
                r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(), r.metaData(), payload);
    }

    private static void assertBreak(Verification verification, long sequence, BreakKind kind) {
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBreak()).isNotNull();
        assertThat(verification.firstBreak().sequence()).as("first broken sequence").isEqualTo(sequence);
        assertThat(verification.firstBreak().kind()).isEqualTo(kind);
        assertThat(verification.firstBreak().detail()).contains(String.valueOf(sequence));
    }
}
