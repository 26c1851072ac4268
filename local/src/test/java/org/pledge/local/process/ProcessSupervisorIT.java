package org.pledge.local.process;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

    static List<ProcessHandle> awaitReady(Supervised child, int expectedProcesses) {
        return Awaitility.await(child.name() + " and its descendants ready").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).pollInSameThread()
                .until(() -> {
                    List<ProcessHandle> tree = new ArrayList<>();
                    tree.add(child.process().toHandle());
                    child.process().descendants().forEach(tree::add);
                    String log = Files.exists(child.logFile()) ? Files.readString(child.logFile()) : "";
                    long ready = log.lines().filter(line -> line.startsWith("child ready")).count();
                    assertThat(child.isAlive()).as("child died: %s", log).isTrue();
                    return tree.size() >= expectedProcesses && ready >= expectedProcesses ? tree : null;
                }, tree -> tree != null);
    }

    @Test
    void stopAll_endsTheChildAndItsDescendants(@TempDir Path dir) throws Exception {
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
    void child_isKilledAfterTheGracePeriod_whenItIgnoresSigterm(@TempDir Path dir) throws Exception {
        ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(2));
        Supervised child = supervisor.start("stubborn", childCommand("stubborn", "grandchild"), Map.of(), dir,
                dir.resolve("stubborn.log"));
        List<ProcessHandle> tree = awaitReady(child, 2);

        long start = System.nanoTime();
        supervisor.close();
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(child.process().exitValue()).as("ended by SIGKILL, not by itself").isEqualTo(137);
        assertThat(child.state()).isEqualTo(Supervised.State.STOPPED);
        assertThat(seconds).isGreaterThanOrEqualTo(2).isLessThan(12);
    }

    @Test
    void child_getsTheEnvironmentItIsGiven_andCannotBeStartedAfterStop(@TempDir Path dir) throws Exception {
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

    // ---------------------------------------------------------------- supervision

    /** Healthy once the current process printed "child ready <its pid>". */
    static final HealthCheck READY = child -> {
        try {
            return Files.readString(child.logFile()).contains("child ready " + child.pid());
        } catch (java.io.IOException e) {
            return false;
        }
    };

    /** 300 ms doubling to 1 s, give up after 2 crashes in a row. */
    static final RestartPolicy FAST = new RestartPolicy(true, Duration.ofMillis(300), Duration.ofSeconds(1),
            Duration.ofMinutes(5), 2, Duration.ofSeconds(60), Duration.ofMillis(100));

    /** What the supervisor reported, in order. */
    static final class Recorder implements SupervisorListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        record Started(long pid, boolean restart) {
        }

        record Healthy(long pid) {
        }

        @Override
        public void started(Supervised child, boolean restart) {
            events.add(new Started(child.pid(), restart));
        }

        @Override
        public void healthy(Supervised child, Duration after) {
            events.add(new Healthy(child.pid()));
        }

        @Override
        public void crashed(Supervised child, Crash crash) {
            events.add(crash);
        }

        <T> T next(Class<T> type) throws InterruptedException {
            Object event = events.poll(60, TimeUnit.SECONDS);
            assertThat(event).as("the next event, a %s", type.getSimpleName()).isInstanceOf(type);
            return type.cast(event);
        }
    }

    static void kill9(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    @Test
    void child_isReportedAndRestartedWithBackOffUntilTheSupervisorGivesUp_whenKilledWithSigkill(@TempDir Path dir)
            throws Exception {
        Recorder recorder = new Recorder();
        try (ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(5), FAST, recorder, java.time.Clock.systemUTC())) {
            Supervised child = supervisor.start("child", childCommand(), Map.of(), dir, dir.resolve("child.log"), READY);
            long first = recorder.next(Recorder.Started.class).pid();
            assertThat(recorder.next(Recorder.Healthy.class).pid()).isEqualTo(first);
            assertThat(child.state()).isEqualTo(Supervised.State.RUNNING);

            kill9(first);

            SupervisorListener.Crash crash = recorder.next(SupervisorListener.Crash.class);
            assertThat(crash.pid()).isEqualTo(first);
            assertThat(crash.how()).isEqualTo("killed by signal 9 (SIGKILL, exit code 137)");
            assertThat(crash.lastLines()).anyMatch(line -> line.equals("child ready " + first));
            assertThat(crash.outcome()).isEqualTo(SupervisorListener.Outcome.RESTART_SCHEDULED);
            assertThat(crash.crashesInARow()).isEqualTo(1);
            assertThat(crash.restartIn()).isEqualTo(Duration.ofMillis(300));
            Recorder.Started again = recorder.next(Recorder.Started.class);
            assertThat(again.restart()).isTrue();
            assertThat(again.pid()).isNotEqualTo(first).isEqualTo(child.pid());
            assertThat(recorder.next(Recorder.Healthy.class).pid()).isEqualTo(again.pid());
            assertThat(child.restarts()).isEqualTo(1);
            assertThat(child.crashes()).isEqualTo(1);

            // the second crash in a row waits twice as long
            kill9(again.pid());
            SupervisorListener.Crash second = recorder.next(SupervisorListener.Crash.class);
            assertThat(second.crashesInARow()).isEqualTo(2);
            assertThat(second.restartIn()).isEqualTo(Duration.ofMillis(600));
            long third = recorder.next(Recorder.Started.class).pid();
            recorder.next(Recorder.Healthy.class);

            // a third one in a row is one too many: it stays down, and says so
            kill9(third);
            SupervisorListener.Crash last = recorder.next(SupervisorListener.Crash.class);
            assertThat(last.outcome()).isEqualTo(SupervisorListener.Outcome.GAVE_UP);
            assertThat(last.crashesInARow()).isEqualTo(3);
            assertThat(recorder.events.poll(2, TimeUnit.SECONDS)).as("nothing started after giving up").isNull();
            assertThat(child.state()).isEqualTo(Supervised.State.EXITED);
            assertThat(child.isAlive()).isFalse();
            assertThat(child.status().lastExit()).contains("SIGKILL");

            // a restart on request brings it back and forgives the crashes
            supervisor.restart(child);
            assertThat(child.healthy().get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(child.state()).isEqualTo(Supervised.State.RUNNING);
            assertThat(recorder.next(Recorder.Started.class).restart()).isTrue();
            recorder.next(Recorder.Healthy.class);
            kill9(child.pid());
            SupervisorListener.Crash afterRestart = recorder.next(SupervisorListener.Crash.class);
            assertThat(afterRestart.crashesInARow()).isEqualTo(1);
            assertThat(afterRestart.outcome()).isEqualTo(SupervisorListener.Outcome.RESTART_SCHEDULED);
            assertThat(child.crashes()).isEqualTo(4);
        }
    }

    @Test
    void restart_isNotACrash(@TempDir Path dir) throws Exception {
        Recorder recorder = new Recorder();
        try (ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(5), FAST, recorder, java.time.Clock.systemUTC())) {
            Supervised child = supervisor.start("child", childCommand("grandchild"), Map.of(), dir, dir.resolve("child.log"), READY);
            recorder.next(Recorder.Started.class);
            recorder.next(Recorder.Healthy.class);
            List<ProcessHandle> before = awaitReady(child, 2);

            supervisor.restart(child);

            assertThat(before).noneMatch(ProcessHandle::isAlive); // the old child and its grandchild
            Recorder.Started started = recorder.next(Recorder.Started.class);
            assertThat(started.restart()).isTrue();
            assertThat(started.pid()).isNotEqualTo(before.get(0).pid());
            assertThat(recorder.next(Recorder.Healthy.class).pid()).isEqualTo(started.pid());
            assertThat(child.healthy().get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(recorder.events).as("no crash reported").isEmpty();
            assertThat(child.crashes()).isZero();
            assertThat(child.restarts()).isEqualTo(1);
            assertThat(child.state()).isEqualTo(Supervised.State.RUNNING);
        }
    }

    @Test
    void child_isNotRestarted_whenItDiesBeforeItWasEverHealthy(@TempDir Path dir) throws Exception {
        Recorder recorder = new Recorder();
        try (ProcessSupervisor supervisor = new ProcessSupervisor(Duration.ofSeconds(5), FAST, recorder, java.time.Clock.systemUTC())) {
            Supervised child = supervisor.start("broken", List.of("/bin/sh", "-c", "echo cannot start; exit 3"), Map.of(), dir,
                    dir.resolve("broken.log"), c -> false);
            recorder.next(Recorder.Started.class);

            SupervisorListener.Crash crash = recorder.next(SupervisorListener.Crash.class);

            assertThat(crash.how()).isEqualTo("exited with code 3");
            assertThat(crash.outcome()).isEqualTo(SupervisorListener.Outcome.NOT_RESTARTED);
            assertThat(crash.lastLines()).contains("cannot start");
            assertThat(child.healthy()).isCompletedExceptionally();
            assertThat(recorder.events.poll(1, TimeUnit.SECONDS)).isNull();
            assertThat(child.state()).isEqualTo(Supervised.State.EXITED);
        }
    }

    @Test
    void backOff_doublesUpToItsMaximum() {
        RestartPolicy policy = RestartPolicy.backOff(Duration.ofMinutes(2));
        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(policy::delayAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(Supervised.describeExit(137)).isEqualTo("killed by signal 9 (SIGKILL, exit code 137)");
        assertThat(Supervised.describeExit(1)).isEqualTo("exited with code 1");
    }
}
