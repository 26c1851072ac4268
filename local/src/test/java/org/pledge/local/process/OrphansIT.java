package org.pledge.local.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrphansIT {

    static Process child(String... jvmFlags) throws Exception {
        Path classes = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m"));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", classes.toString(), ChildMain.class.getName()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void servicesLeftBehind_areEnded_butStrangersWithARecycledPidAreNot(@TempDir Path dir) throws Exception {
        Process orphan = child(Orphans.MARKER + "case-service");
        Process stranger = child();
        try {
            Path file = dir.resolve("services.pids");
            Files.write(file, List.of(orphan.pid() + " case-service", stranger.pid() + " feedback-service", "999999999 gone"));

            List<String> ended = Orphans.reap(file, Duration.ofSeconds(10));

            assertThat(ended).containsExactly("case-service (pid " + orphan.pid() + ")");
            assertThat(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(stranger.isAlive()).isTrue();
            assertThat(file).doesNotExist();
        } finally {
            orphan.destroyForcibly();
            stranger.destroyForcibly();
        }
    }
}
