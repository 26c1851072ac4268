package org.pledge.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.CliFixtures;

/** The shaded jar, run with {@code java -jar} in its own JVM as an auditor runs it (after {@code package}). */
class VerifyCommandJarIT {

    private static final Path JAR = Path.of(System.getProperty("pledge.audit.cli-jar",
            "target/audit-verifier-cli.jar"));

    @TempDir
    Path dir;

    private CliFixtures fixtures;

    @BeforeEach
    void export() throws IOException {
        assertThat(JAR).as("the cli jar, built by the package phase").isRegularFile();
        fixtures = CliFixtures.write(dir, AuditKeys.ED25519);
    }

    @Test
    void jar_exitsZero_whenTheExportVerifies() throws Exception {
        Result result = java("--public-key", fixtures.publicKey().toString(), fixtures.export().toString());

        assertThat(result.exit()).isEqualTo(0);
        assertThat(result.out()).startsWith("OK: case-service sequences 1..30 verify with key ").contains("(Ed25519)");
    }

    @Test
    void jar_exitsOne_whenTheExportIsTampered() throws Exception {
        CliFixtures.tamperPayloadOf(fixtures.export(), 22);

        Result result = java("--public-key", fixtures.publicKey().toString(), fixtures.export().toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("First break at sequence 22: CHANGED");
    }

    @Test
    void jar_exitsTwo_whenUsedWrongly() throws Exception {
        Result result = java(fixtures.export().toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("usage:");
    }

    private Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String out, String err) {
    }
}
