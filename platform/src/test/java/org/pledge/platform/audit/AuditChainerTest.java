package org.pledge.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pledge.audit.AuditLinks;
import org.pledge.audit.AuditRecord;
import org.pledge.audit.Checkpoint;
import org.pledge.audit.CheckpointSigner;
import org.pledge.testsupport.infra.MemoryMongo;

class AuditChainerTest {

    @RegisterExtension
    final MemoryMongo mongo = new MemoryMongo();

    private CheckpointSigner signer;
    private AuditFixture audit;

    @BeforeEach
    void setUp() {
        signer = AuditFixture.newSigner();
        audit = new AuditFixture(mongo.database("audit"), signer, 5, 1000);
    }

    @Test
    void chain_linksEveryStoredNumber_eventsAndTombstones_fromTheGenesisLink() {
        audit.append(3);
        audit.tombstone(4, AuditRecord.SEALED);
        audit.tombstone(5, AuditRecord.ABORTED);
        audit.append(2);

        assertThat(audit.chainer.chainUpTo(7)).isEqualTo(7);

        // the oracle: the links recomputed from the documents one by one, from 32 zero bytes
        byte[] link = AuditLinks.genesis();
        Map<Long, byte[]> stored = audit.links.at(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L));
        for (long n = 1; n <= 7; n++) {
            AuditRecord record = audit.records.at(n);
            link = AuditLinks.next(link, record.canonicalBytesAt(n));
            assertThat(stored.get(n)).as("link %d", n).isEqualTo(link);
        }
        assertThat(audit.records.at(4).kind()).isEqualTo("sealed");
        assertThat(audit.records.at(5).kind()).isEqualTo("aborted");
        assertThat(audit.links.highest()).isEqualTo(7);
    }

    @Test
    void chain_storesTheLinkAsHexBesideTheEvents() {
        audit.append(1);
        audit.chainer.chainUpTo(1);
        Document stored = mongo.database("audit").getCollection("audit_links").find().first();
        byte[] expected = AuditLinks.next(AuditLinks.genesis(), audit.records.at(1).canonicalBytesAt(1));
        assertThat(stored).isEqualTo(new Document("_id", 1L).append("link", HexFormat.of().formatHex(expected)));
    }

    @Test
    void chain_afterARestartAndARedelivery_changesNoLink_andAddsNone() {
        audit.append(12);
        audit.chainer.chainUpTo(12);
        Map<Long, byte[]> before = audit.links.at(range(1, 12));
        List<Document> checkpointsBefore = allCheckpoints();

        AuditFixture restarted = new AuditFixture(mongo.database("audit"), signer, 5, 1000);
        assertThat(restarted.chainer.chainUpTo(12)).isEqualTo(12); // the same batch delivered again
        assertThat(restarted.chainer.chainUpTo(7)).isEqualTo(12);  // an older one

        assertThat(restarted.links.at(range(1, 12))).usingRecursiveComparison().isEqualTo(before);
        assertThat(mongo.database("audit").getCollection("audit_links").countDocuments()).isEqualTo(12);
        assertThat(allCheckpoints()).isEqualTo(checkpointsBefore);
        assertThat(restarted.chainer.mismatches()).isZero();
    }

    @Test
    void chain_withAStaleHead_comparesTheLinksAnotherInstanceStored_andGoesOn() {
        audit.append(6);
        audit.chainer.chainUpTo(3);
        AuditFixture other = new AuditFixture(mongo.database("audit"), signer, 5, 1000);
        other.chainer.chainUpTo(6); // the segment moved to another instance, which chained 4..6
        audit.append(2);

        assertThat(audit.chainer.chainUpTo(8)).isEqualTo(8); // this instance still believes the head is 3

        assertThat(audit.chainer.mismatches()).isZero();
        assertThat(audit.trail.verify(null, null).ok()).isTrue();
    }

    @Test
    void chain_keepsALinkThatDiffers_countsIt_andGoesOnFromTheStoredLink() {
        audit.append(4);
        audit.chainer.chainUpTo(2);
        byte[] forged = new byte[32];
        forged[0] = 7;
        audit.links.insert(Map.of(3L, forged));

        audit.chainer.chainUpTo(4);

        assertThat(audit.links.at(3)).isEqualTo(forged); // never overwritten
        assertThat(audit.chainer.mismatches()).isEqualTo(1);
        assertThat(audit.links.at(4)).isEqualTo(AuditLinks.next(forged, audit.records.at(4).canonicalBytesAt(4)));
        assertThat(audit.trail.verify(null, null).firstBreak().sequence()).isEqualTo(3);
    }

    @Test
    void aRewind_recomputesTheWholeChain_comparingEveryLink_changingNone_andSigningNothingAgain() {
        audit.append(12);
        audit.chainer.chainUpTo(12);
        mongo.database("audit").getCollection("audit_links").updateOne(new Document("_id", 4L),
                new Document("$set", new Document("link", "ab".repeat(32))));
        Map<Long, byte[]> before = audit.links.at(range(1, 12));
        List<Document> checkpointsBefore = allCheckpoints();

        audit.chainer.rewind(); // the processor was reset: its replay delivers everything again
        assertThat(audit.chainer.head()).isZero();
        audit.chainer.chainUpTo(12);

        // 4 differs; the chain goes on from the stored (forged) link, so 5 differs too; from 5's stored link on, all agree
        assertThat(audit.chainer.mismatches()).isEqualTo(2);
        assertThat(audit.links.at(range(1, 12))).usingRecursiveComparison().isEqualTo(before);
        assertThat(allCheckpoints()).isEqualTo(checkpointsBefore);
    }

    @Test
    void chain_stopsBeforeAHole_keepsWhatComesBefore_andGoesOnOnceTheNumberIsFilled() {
        audit.append(5);
        Document third = audit.event(3);
        audit.events().deleteOne(new Document("_id", 3L));

        assertThatThrownBy(() -> audit.chainer.chainUpTo(5))
                .isInstanceOf(AuditChainer.ChainHoleException.class)
                .hasMessageContaining("global sequence number 3 has no document");
        assertThat(audit.links.highest()).isEqualTo(2);
        assertThat(audit.chainer.head()).isEqualTo(2);

        audit.events().insertOne(third);
        assertThat(audit.chainer.chainUpTo(5)).isEqualTo(5);
        assertThat(audit.trail.verify(null, null).ok()).isTrue();
    }

    @Test
    void checkpoints_areSignedAtEveryNthSequence_andStoredUnpublished() {
        audit.append(7);
        audit.chainer.chainUpTo(7);
        audit.append(6);
        audit.chainer.chainUpTo(13);

        List<Checkpoint> signed = audit.checkpoints.between(1, 100);
        assertThat(signed).extracting(Checkpoint::sequence).containsExactly(5L, 10L);
        for (Checkpoint checkpoint : signed) {
            assertThat(signer.verifier().verify(checkpoint)).isTrue();
            assertThat(checkpoint.link()).isEqualTo(audit.links.at(checkpoint.sequence()));
            assertThat(checkpoint.service()).isEqualTo(AuditFixture.SERVICE);
            assertThat(checkpoint.signedAt()).isEqualTo(AuditFixture.T0);
        }
        assertThat(audit.checkpoints.unpublished(10)).hasSize(2).noneMatch(StoredCheckpoint::published);
        assertThat(audit.checkpointsStored).isEqualTo(2);
    }

    @Test
    void timeBasedCheckpoint_signsTheHead_whenItMovedAndTheIntervalPassed() {
        audit.append(3);
        audit.chainer.chainUpTo(3);
        audit.chainer.checkpointIfDue();
        assertThat(audit.checkpoints.latest()).isEmpty(); // not a minute yet

        audit.clock.advance(Duration.ofSeconds(60));
        audit.chainer.checkpointIfDue();
        assertThat(audit.checkpoints.latest()).get().extracting(StoredCheckpoint::sequence).isEqualTo(3L);

        audit.clock.advance(Duration.ofSeconds(120));
        audit.chainer.checkpointIfDue();
        assertThat(audit.checkpoints.between(1, 100)).hasSize(1); // the head did not move

        audit.append(1);
        audit.chainer.chainUpTo(4);
        audit.chainer.checkpointIfDue();
        assertThat(audit.checkpoints.latest()).get().extracting(StoredCheckpoint::sequence).isEqualTo(4L);
        // the count starts again from the time-based checkpoint: the next is at 4 + 5
        audit.append(5);
        audit.chainer.chainUpTo(9);
        assertThat(audit.checkpoints.between(1, 100)).extracting(Checkpoint::sequence).containsExactly(3L, 4L, 9L);
    }

    private List<Document> allCheckpoints() {
        return mongo.database("audit").getCollection("audit_checkpoints").find().into(new ArrayList<>());
    }

    private static List<Long> range(long from, long to) {
        List<Long> numbers = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
