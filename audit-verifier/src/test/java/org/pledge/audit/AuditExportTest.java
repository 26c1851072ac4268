package org.pledge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportTest {

    private static final CheckpointSigner SIGNER = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));

    private final TestChain chain = TestChain.of(30, 5, SIGNER);

    @TempDir
    Path dir;

    @Test
    void export_roundTrips_everyFieldNullAndEmptyKept() throws IOException {
        AuditRecord odd = new AuditRecord(2, AuditRecord.EVENT, "", 4, "Case", "e-2", "x.Y", "",
                Instant.parse("2025-01-02T03:04:05.600Z"), null, "{\"name\":\"Zoë \\\"Z\\\" 山田\\n\"}");
        AuditRecord tombstone = AuditRecord.tombstone(3, AuditRecord.ABORTED);
        Checkpoint checkpoint = SIGNER.sign("case-service", 3, AuditLinks.genesis(), Instant.EPOCH);
        AuditExport.Header header = new AuditExport.Header("case-service", 2, 3, AuditLinks.genesis(), checkpoint);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (AuditExport.Writer writer = AuditExport.writer(bytes)) {
            writer.header(header);
            writer.record(odd, new byte[] {1, 2, (byte) 0xff});
            writer.record(tombstone, null);
            writer.checkpoint(checkpoint);
        }

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(4);
        assertThat(text).endsWith("}\n").contains("\"link\":\"0102ff\"").contains("\"format\":\"pledge-audit-export/1\"");
        List<AuditExport.Line> lines = new ArrayList<>();
        try (AuditExport.Reader reader = AuditExport.reader(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(reader.header()).isEqualTo(header);
            for (AuditExport.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        assertThat(lines).containsExactly(new AuditExport.RecordLine(odd, new byte[] {1, 2, (byte) 0xff}),
                new AuditExport.RecordLine(tombstone, null), new AuditExport.CheckpointLine(checkpoint));
        AuditRecord read = ((AuditExport.RecordLine) lines.get(0)).record();
        assertThat(read.canonicalBytes()).isEqualTo(odd.canonicalBytes());
    }

    @Test
    void verify_isOk_whenTheExportIsUntouched() throws IOException {
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));

        assertThat(ExportVerifier.verify(file, SIGNER.verifier())).isEqualTo(Verification.ok(1, 30, 30, 6));
    }

    @Test
    void verify_isOk_whenTheRangeStartsAtASignedCheckpoint() throws IOException {
        Path file = TestExports.write(chain, 11, 23, dir.resolve("export.ndjson"));

        assertThat(ExportVerifier.verify(file, SIGNER.verifier())).isEqualTo(Verification.ok(11, 23, 13, 2));
    }

    @Test
    void check_namesTheLastSignedSequence() throws IOException {
        Path signedToTheEnd = TestExports.write(chain, 11, 25, dir.resolve("to-25.ndjson"));
        Path unsignedTail = TestExports.write(chain, 11, 24, dir.resolve("to-24.ndjson"));
        Path noCheckpoint = TestExports.write(chain, 11, 14, dir.resolve("to-14.ndjson"));

        assertThat(ExportVerifier.check(signedToTheEnd, SIGNER.verifier()).lastSignedSequence()).isEqualTo(25);
        assertThat(ExportVerifier.check(unsignedTail, SIGNER.verifier()).lastSignedSequence()).isEqualTo(20);
        assertThat(ExportVerifier.check(noCheckpoint, SIGNER.verifier()).lastSignedSequence()).isEqualTo(10);
        assertThat(ExportVerifier.check(noCheckpoint, SIGNER.verifier()).header().from()).isEqualTo(11);
    }

    @Test
    void verify_isChanged_whenAPayloadIsEditedInTheFile() throws IOException {
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));
        TestExports.editLines(file, line -> line.replace("number 17\\\"", "number 71\\\""));

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 17, BreakKind.CHANGED);
    }

    @Test
    void verify_isMissing_whenALineIsDeleted() throws IOException {
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));
        TestExports.editLines(file, line -> line.startsWith("{\"sequence\":17,") ? null : line);

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 17, BreakKind.MISSING);
    }

    @Test
    void verify_isReordered_whenTheStoreHadTwoEventsSwapped() throws IOException {
        chain.swap(17);
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 17, BreakKind.REORDERED);
    }

    @Test
    void verify_isInserted_whenTheStoreHadAnEventInserted() throws IOException {
        chain.insert(17, AuditRecords.event(1700));
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 17, BreakKind.INSERTED);
    }

    @Test
    void verify_isCheckpointSignature_whenTheStartCheckpointIsSignedWithAnotherKey() throws IOException {
        CheckpointSigner other = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519));
        chain.checkpoints.set(1, other.sign(TestChain.SERVICE, 10, chain.links.get(10L), TestChain.SIGNED_AT));
        Path file = TestExports.write(chain, 11, 30, dir.resolve("export.ndjson"));

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 10, BreakKind.CHECKPOINT_SIGNATURE);
    }

    @Test
    void verify_isCheckpointSignature_whenTheRangeDoesNotStartAtACheckpoint() throws IOException {
        Path file = TestExports.write(chain, 11, 30, dir.resolve("export.ndjson"));
        TestExports.editLines(file, line -> line.startsWith("{\"format\"")
                ? line.replaceFirst("\"startCheckpoint\":\\{.*\\}}$", "\"startCheckpoint\":null}") : line);

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 10, BreakKind.CHECKPOINT_SIGNATURE);
    }

    @Test
    void verify_isCheckpointMismatch_whenTheStartLinkIsNotTheCheckpoints() throws IOException {
        Path file = TestExports.write(chain, 11, 30, dir.resolve("export.ndjson"));
        String startLink = java.util.HexFormat.of().formatHex(chain.links.get(10L));
        String otherLink = java.util.HexFormat.of().formatHex(chain.links.get(9L));
        TestExports.editLines(file, line -> line.startsWith("{\"format\"")
                ? line.replaceFirst("\"startLink\":\"" + startLink, "\"startLink\":\"" + otherLink) : line);

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 10, BreakKind.CHECKPOINT_MISMATCH);
    }

    @Test
    void verify_isCheckpointMismatch_whenACheckpointIsOfAnotherService() throws IOException {
        chain.checkpoints.set(2, SIGNER.sign("feedback-service", 15, chain.links.get(15L), TestChain.SIGNED_AT));
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 15, BreakKind.CHECKPOINT_MISMATCH);
    }

    @Test
    void verify_isCheckpointMismatch_whenAnExportFromOneDoesNotStartAtGenesis() throws IOException {
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));
        TestExports.editLines(file, line -> line.startsWith("{\"format\"")
                ? line.replaceFirst("\"startLink\":\"00", "\"startLink\":\"01") : line);

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 0, BreakKind.CHECKPOINT_MISMATCH);
    }

    @Test
    void verify_isMissing_whenARecordLineIsOutOfPlace() throws IOException {
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(3, lines.remove(5));
        Files.write(file, lines);

        assertBreak(ExportVerifier.verify(file, SIGNER.verifier()), 3, BreakKind.MISSING);
    }

    @Test
    void verify_refusesTheFile_whenASequenceRepeats() throws IOException {
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(3, lines.get(2));
        Files.write(file, lines);

        assertThatThrownBy(() -> ExportVerifier.verify(file, SIGNER.verifier()))
                .isInstanceOf(AuditExport.FormatException.class).hasMessageContaining("ascending order");
    }

    @Test
    void verify_refusesTheFile_whenARecordFollowsTheCheckpoints() throws IOException {
        Path file = TestExports.write(chain, 1, 30, dir.resolve("export.ndjson"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(lines.remove(30));
        Files.write(file, lines);

        assertThatThrownBy(() -> ExportVerifier.verify(file, SIGNER.verifier()))
                .isInstanceOf(AuditExport.FormatException.class).hasMessageContaining("after the checkpoints");
    }

    @Test
    void reader_refusesLines_thatAreNotAnExport() {
        assertThatThrownBy(() -> read("")).isInstanceOf(AuditExport.FormatException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> read("{\"format\":\"other/1\"}")).isInstanceOf(AuditExport.FormatException.class)
                .hasMessageContaining("format");
        String header = "{\"format\":\"pledge-audit-export/1\",\"service\":\"s\",\"from\":1,\"to\":2,"
                + "\"startLink\":\"" + "00".repeat(32) + "\",\"startCheckpoint\":null}\n";
        assertThatThrownBy(() -> read(header + "not json\n")).isInstanceOf(AuditExport.FormatException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> read(header + "{\"sequence\":1,\"link\":\"ABCD\"}\n"))
                .isInstanceOf(AuditExport.FormatException.class).hasMessageContaining("lowercase hex");
        assertThatThrownBy(() -> read(header + "{\"sequence\":\"1\"}\n"))
                .isInstanceOf(AuditExport.FormatException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> read(header + "{\"sequence\":1,\"timestamp\":\"yesterday\"}\n"))
                .isInstanceOf(AuditExport.FormatException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> read(header.replace("\"startLink\":\"00", "\"startLink\":\"")))
                .isInstanceOf(AuditExport.FormatException.class).hasMessageContaining("32 bytes");
    }

    private static List<AuditExport.Line> read(String text) throws IOException {
        List<AuditExport.Line> lines = new ArrayList<>();
        try (AuditExport.Reader reader = AuditExport.reader(new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)))) {
            for (AuditExport.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static void assertBreak(Verification verification, long sequence, BreakKind kind) {
        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBreak().sequence()).as("first broken sequence").isEqualTo(sequence);
        assertThat(verification.firstBreak().kind()).isEqualTo(kind);
    }
}
