package org.pledge.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.CliFixtures;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private Path key;
    private Path export;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void export() throws IOException {
        CliFixtures fixtures = CliFixtures.write(dir, AuditKeys.ECDSA_P256);
        key = fixtures.publicKey();
        export = fixtures.export();
    }

    @Test
    void run_printsOk_whenTheExportVerifies() {
        assertThat(run("--public-key", key.toString(), export.toString())).isEqualTo(VerifyCommand.OK);
        assertThat(out()).startsWith("OK: case-service sequences 1..30 verify with key ")
                .contains("(SHA256withECDSA)").contains("30 sequences, 6 signed checkpoints");
        assertThat(out()).doesNotContain("Note:");
        assertThat(err()).isEmpty();
    }

    @Test
    void run_notesTheUnsignedTail_whenNoCheckpointSignsTheEndOfTheRange() throws IOException {
        Path partial = dir.resolve("partial.ndjson");
        CliFixtures.writeUnsignedTail(dir, partial, 28);

        assertThat(run("--public-key", dir.resolve("tail-key.pem").toString(), partial.toString()))
                .isEqualTo(VerifyCommand.OK);
        assertThat(out()).contains("Note: no checkpoint signs sequences 26..28 yet");
    }

    @Test
    void run_acceptsTheKeyOptionWithEquals() {
        assertThat(run(export.toString(), "--public-key=" + key)).isEqualTo(VerifyCommand.OK);
    }

    @Test
    void run_acceptsTheKey_asThePublicKeyEndpointAnswersIt() throws IOException {
        String pem = Files.readString(key);
        Path json = Files.writeString(dir.resolve("public-key.json"), "{\"service\":\"case-service\",\"publicKey\":\""
                + pem.replace("\n", "\\n") + "\",\"keyId\":\"x\",\"algorithm\":\"SHA256withECDSA\"}");

        assertThat(run("--public-key", json.toString(), export.toString())).isEqualTo(VerifyCommand.OK);

        Path noKey = Files.writeString(dir.resolve("no-key.json"), "{\"keyId\":\"x\"}");
        assertThat(run("--public-key", noKey.toString(), export.toString())).isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(err()).contains("no member with a PEM public key");
    }

    @Test
    void run_printsTheFirstBreak_whenTheExportIsTampered() throws IOException {
        CliFixtures.tamperPayloadOf(export, 17);

        assertThat(run("--public-key", key.toString(), export.toString())).isEqualTo(VerifyCommand.BROKEN);
        assertThat(out()).contains("BROKEN: case-service sequences 1..30")
                .contains("First break at sequence 17: CHANGED")
                .contains("Verified before it: 16 sequences, 3 signed checkpoints.");
    }

    @Test
    void run_isBroken_whenTheKeyIsAnotherOne() throws IOException {
        Path other = Files.writeString(dir.resolve("other.pem"),
                AuditKeys.writePem(AuditKeys.generate(AuditKeys.ECDSA_P256).getPublic()));

        assertThat(run("--public-key", other.toString(), export.toString())).isEqualTo(VerifyCommand.BROKEN);
        assertThat(out()).contains("First break at sequence 5: CHECKPOINT_SIGNATURE");
    }

    @Test
    void run_isUnusable_whenArgumentsAreMissingOrUnknown() {
        assertThat(run()).isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(err()).contains("--public-key <key.pem> is required").contains("usage:");
        assertThat(run("--public-key", key.toString())).isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(run("--public-key", key.toString(), export.toString(), "--fast")).isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(run("--public-key")).isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(out()).isEmpty();
    }

    @Test
    void run_printsUsage_whenAskedForHelp() {
        assertThat(run("--help")).isEqualTo(VerifyCommand.OK);
        assertThat(out()).contains("usage:");
    }

    @Test
    void run_isUnusable_whenAFileCannotBeRead() throws IOException {
        assertThat(run("--public-key", dir.resolve("none.pem").toString(), export.toString()))
                .isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(err()).contains("cannot read the public key").contains("no such file");

        assertThat(run("--public-key", key.toString(), dir.resolve("none.ndjson").toString()))
                .isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(err()).contains("cannot read the export");

        Path notAKey = Files.writeString(dir.resolve("private.pem"),
                AuditKeys.writePem(AuditKeys.generate(AuditKeys.ED25519).getPrivate()));
        assertThat(run("--public-key", notAKey.toString(), export.toString())).isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(err()).contains("no PEM block BEGIN PUBLIC KEY");

        Path notAnExport = Files.writeString(dir.resolve("other.ndjson"), "{\"hello\":1}\n");
        assertThat(run("--public-key", key.toString(), notAnExport.toString())).isEqualTo(VerifyCommand.UNUSABLE);
        assertThat(err()).contains("line 1 of the export");
        assertThat(out()).isEmpty();
    }

    @Test
    void run_printsNoControlCharacters_whenTheExportHoldsSome() throws IOException {
        List<String> lines = Files.readAllLines(export);
        lines.set(0, lines.get(0).replace("\"service\":\"case-service\"", "\"service\":\"case\\u001b[2J\""));
        Files.write(export, lines);

        assertThat(run("--public-key", key.toString(), export.toString())).isEqualTo(VerifyCommand.BROKEN);
        assertThat(out()).contains("BROKEN: case?[2J sequences 1..30").contains("CHECKPOINT_MISMATCH")
                .doesNotContain("\u001b");
    }

    @Test
    void printable_replacesControlCharacters_andShortensLongTexts() {
        assertThat(VerifyCommand.printable("case\u001b[2Jservice\n")).isEqualTo("case?[2Jservice?");
        assertThat(VerifyCommand.printable("x".repeat(400))).isEqualTo("x".repeat(300) + "...");
        assertThat(VerifyCommand.printable(null)).isEqualTo("null");
    }

    private int run(String... args) {
        return VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
