package org.pledge.local;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code pledge-local} script itself, with the launcher jar this module just packaged and a fake service: started
 * in the background by a script, it still stops everything on SIGINT (sent to its process group, as Ctrl-C in a
 * terminal does), and the service's own SIGINT is not taken for a crash.
 */
class PledgeLocalScriptIT {

    static Path script() {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("pledge-local");
        assertThat(script).as("the repository's pledge-local").isExecutable();
        assertThat(Path.of("target", "local-exec.jar")).as("the launcher jar, packaged before the integration tests").isRegularFile();
        return script;
    }

    /**
     * An offset that puts every port of the stack (infrastructure and case-service) on a free one, all below Linux's
     * ephemeral range (see {@link TestPorts}): MongoDB's 27017 + offset stays under 32768.
     */
    static int freePortOffset() {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 1_000 + random.nextInt(4_700);
            List<Integer> ports = new ArrayList<>(LocalOptions.Ports.DEFAULT.plus(offset).named().values());
            ports.add(8081 + offset);
            if (ports.stream().allMatch(Http::portFree)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset found");
    }

    static long sigIgn(long pid) throws Exception {
        String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
        String mask = status.lines().filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow()
                .substring("SigIgn:".length()).trim();
        return Long.parseUnsignedLong(mask, 16);
    }

    @Test
    void launcher_stopsEverythingOnSigintToItsProcessGroup_whenStartedInTheBackgroundByAScript(@TempDir Path dir)
            throws Exception {
        Path script = script();
        Path fakeRoot = dir.resolve("repo");
        LocalStackServicesIT.fakeJar(fakeRoot, "case-service");
        Path data = dir.resolve("data");
        Path output = dir.resolve("console.txt");
        int offset = freePortOffset();
        // a non-interactive shell, no job control: what a CI script or `bash -c '... &'` does; setsid gives the
        // launcher a process group of its own, so that SIGINT can go to the group, as a terminal's Ctrl-C does
        String line = "PLEDGE_SKIP_BUILD=1 setsid '" + script + "' --root='" + fakeRoot + "' --data='" + data + "' --port-offset=" + offset
                + " --services=case-service --service-timeout=90 > '" + output + "' 2>&1 & echo $!";
        Process shell = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
        long pid = Long.parseLong(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        ProcessHandle launcher = ProcessHandle.of(pid).orElseThrow();
        long service = -1;
        try {
            Awaitility.await("the stack up").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                    .pollInSameThread().untilAsserted(() -> {
                        assertThat(launcher.isAlive()).as("launcher alive; console:%n%s", console(output)).isTrue();
                        assertThat(console(output)).contains("Pledge local stack is up");
                    });
            assertThat(launcher.info().commandLine().orElse("")).contains("local-exec.jar"); // the pid is java itself
            service = Long.parseLong(Files.readString(data.resolve("services.pids")).split(" ")[0]);
            if (Files.exists(Path.of("/proc/self/status"))) {
                assertThat(sigIgn(pid) & (1L << (2 - 1))).as("SIGINT not ignored by the launcher").isZero();
            }

            assertThat(ProcessHandle.of(service).orElseThrow().parent().map(ProcessHandle::pid)).contains(pid);

            // SIGINT to the launcher's process group: the launcher and the service get it at the same time
            assertThat(new ProcessBuilder("kill", "-INT", "--", "-" + pid).start().waitFor()).isZero();

            try {
                launcher.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("SIGINT did not stop the launcher; console:\n" + console(output));
            }
            assertThat(ProcessHandle.of(service).filter(ProcessHandle::isAlive)).as("the service").isEmpty();
            assertThat(console(output)).contains("stopping the services", "stopped in")
                    .as("the service's own SIGINT is part of the stop, not a crash").doesNotContain("CRASHED", "restarting");
            assertThat(data.resolve("services.pids")).doesNotExist();
            assertThat(LocalOptions.Ports.DEFAULT.plus(offset).named().values()).allMatch(Http::portFree);
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            ProcessHandle.of(service).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static String console(Path output) throws Exception {
        return Files.exists(output) ? Files.readString(output) : "";
    }
}
