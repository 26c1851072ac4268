package org.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Over random streams of events and tombstones: an untouched chain verifies; one tampering is found where it is. */
class ChainPropertiesTest {

    private static final CheckpointSigner SIGNER = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));

    enum Tampering { CHANGE, DELETE, INSERT, SWAP }

    @Property(tries = 100)
    void chain_verifies_whenUntouched(@ForAll("streams") List<AuditRecord> stream,
                                      @ForAll @IntRange(min = 1, max = 7) int every) throws IOException {
        TestChain chain = chainOf(stream, every);

        assertThat(chain.verify()).isEqualTo(Verification.ok(1, stream.size(), stream.size(), stream.size() / every));
        assertThat(reexported(chain).verify()).isEqualTo(chain.verify());
    }

    @Property(tries = 250)
    void chain_breaksWhereTampered(@ForAll("streams") List<AuditRecord> stream, @ForAll Tampering tampering,
                                   @ForAll @IntRange(min = 0, max = 1000) int where,
                                   @ForAll("records") AuditRecord other) {
        Assume.that(stream.size() >= 2);
        TestChain chain = chainOf(stream, 4);
        long k = 1 + where % (stream.size() - 1);
        AuditRecord original = chain.records.get(k);
        AuditRecord following = chain.records.get(k + 1);
        BreakKind expected;
        switch (tampering) {
            case CHANGE -> {
                // when k and k + 1 hold the same content, a change at k cannot be told from an insertion
                Assume.that(!sameAt(original, following, k));
                chain.replace(k, withOneCharOfPayloadChanged(original));
                expected = BreakKind.CHANGED;
            }
            case DELETE -> {
                chain.delete(k);
                expected = BreakKind.MISSING;
            }
            case INSERT -> {
                // inserting what k (or k + 1) already holds is no change at k (or reads as a swap)
                Assume.that(!sameAt(other, original, k) && !sameAt(other, following, k));
                chain.insert(k, other);
                expected = BreakKind.INSERTED;
            }
            case SWAP -> {
                Assume.that(!sameAt(original, following, k));
                chain.swap(k);
                expected = BreakKind.REORDERED;
            }
            default -> throw new IllegalStateException();
        }

        Verification verification = chain.verify();

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBreak().sequence()).isEqualTo(k);
        assertThat(verification.firstBreak().kind()).isEqualTo(expected);
        assertThat(verification.eventsVerified()).isEqualTo(k - 1);
    }

    @Provide
    Arbitrary<List<AuditRecord>> streams() {
        return records().list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<AuditRecord> records() {
        Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars("é山\"\\{}:, \n\t")
                .ofMaxLength(24);
        Arbitrary<String> optional = text.injectNull(0.15);
        Arbitrary<Instant> timestamp = Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
        Arbitrary<AuditRecord> event = Combinators.combine(optional, Arbitraries.longs().between(0, 1000), text,
                text, text, optional, timestamp, Combinators.combine(optional, optional).as((meta, payload) -> new String[] {meta, payload}))
                .as((aggregate, aggregateSequence, type, eventId, payloadType, revision, time, metaAndPayload) ->
                        new AuditRecord(0, AuditRecord.EVENT, aggregate, aggregateSequence, type, eventId,
                                payloadType, revision, time, metaAndPayload[0], metaAndPayload[1]));
        Arbitrary<AuditRecord> tombstone = Arbitraries.of(AuditRecord.ABORTED, AuditRecord.SEALED)
                .map(kind -> AuditRecord.tombstone(0, kind));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, event), net.jqwik.api.Tuple.of(1, tombstone));
    }

    private static TestChain chainOf(List<AuditRecord> stream, int every) {
        return new TestChain(stream.size(), every, SIGNER,
                sequence -> TestChain.at(stream.get((int) sequence - 1), sequence));
    }

    /** The chain read back from its export: what an auditor's verifier sees. */
    private static TestChain reexported(TestChain chain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AuditExport.Writer writer = AuditExport.writer(bytes)) {
            writer.header(new AuditExport.Header(TestChain.SERVICE, 1, chain.size, AuditLinks.GENESIS, null));
            for (long sequence = 1; sequence <= chain.size; sequence++) {
                writer.record(chain.records.get(sequence), chain.links.get(sequence));
            }
            for (Checkpoint checkpoint : chain.checkpoints) {
                writer.checkpoint(checkpoint);
            }
        }
        TestChain read = new TestChain(chain.size, chain.signer);
        try (AuditExport.Reader reader = AuditExport.reader(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (AuditExport.Line line = reader.next(); line != null; line = reader.next()) {
                if (line instanceof AuditExport.RecordLine record) {
                    read.records.put(record.record().sequence(), record.record());
                    read.links.put(record.record().sequence(), record.link());
                } else if (line instanceof AuditExport.CheckpointLine checkpoint) {
                    read.checkpoints.add(checkpoint.checkpoint());
                }
            }
        }
        return read;
    }

    private static boolean sameAt(AuditRecord first, AuditRecord second, long position) {
        return Arrays.equals(first.canonicalBytesAt(position), second.canonicalBytesAt(position));
    }

    private static AuditRecord withOneCharOfPayloadChanged(AuditRecord r) {
        String payload = r.payload();
        String changed;
        if (payload == null || payload.isEmpty()) {
            changed = payload == null ? "" : "x";
        } else {
            int at = payload.length() / 2;
            char c = payload.charAt(at);
            changed = payload.substring(0, at) + (c == 'x' ? 'y' : 'x') + payload.substring(at + 1);
        }
        return new AuditRecord(r.sequence(), r.kind(), r.aggregateIdentifier(), r.aggregateSequence(), r.type(),
                r.eventIdentifier(), r.payloadType(), r.payloadRevision(), r.timestamp(), r.metaData(), changed);
    }
}
