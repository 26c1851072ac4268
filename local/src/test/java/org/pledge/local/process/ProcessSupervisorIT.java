package org.pledge.local.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSupervisorIT {

    static List<String> childCommand(String... flags) throws Exception {
        Path classes = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classes.toString(),
                ChildMain.class.getName()));
        command.addAll(List.of(flags));
        return command;
    }

    static List<ProcessHandle> awaitReady(Supervised child, int expectedProcesses) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(child.process().toHandle());
            child.process().descendants().forEach(tree::add);
            String log = Files.exists(child.logFile()) ? Files.readString(child.logFile()) : "";
            long ready = log.lines().filter(line -> line.startsWith("child ready")).count();
            if (tree.size() >= expectedProcesses && ready >= expectedProcesses) {
                return tree;
            }
            assertThat(child.isAlive()).as("child died: %s", log).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("child not ready: " + Files.readString(child.logFile()));
    }

    @Test
    void stopping_the_supervisor_ends_the_child_and_its_descendants(@TempDir Path dir) throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(10));
        Supervised child = supervisor.start("child", childCommand("grandchild"), Map.of(), dir, dir.resolve("logs/child.log"));
        List<ProcessHandle> tree = awaitReady(child, 2);
        assertThat(tree).allMatch(ProcessHandle::isAlive);

        supervisor.stopAll();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.readString(child.logFile())).contains("child ready");
    }

    @Test
    void a_child_that_ignores_sigterm_is_killed_after_the_grace_period(@TempDir Path dir) throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(2));
        Supervised child = supervisor.start("stubborn", childCommand("stubborn", "grandchild"), Map.of(), dir,
                dir.resolve("stubborn.log"));
        List<ProcessHandle> tree = awaitReady(child, 2);

        long start = System.nanoTime();
        supervisor.close();
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(seconds).isGreaterThanOrEqualTo(2).isLessThan(12);
    }

    @Test
    void the_child_gets_the_environment_it_is_given_and_cannot_be_started_after_stop(@TempDir Path dir) throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(5));
        List<String> command = List.of("/bin/sh", "-c", "echo value=$PLEDGE_TEST_VALUE");
        Supervised child = supervisor.start("env", command, Map.of("PLEDGE_TEST_VALUE", "42"), dir, dir.resolve("env.log"));
        assertThat(child.process().waitFor()).isZero();
        assertThat(Files.readString(child.logFile())).contains("value=42");

        supervisor.stopAll();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        supervisor.start("late", command, Map.of(), dir, dir.resolve("late.log")))
                .isInstanceOf(IllegalStateException.class);
    }
}
