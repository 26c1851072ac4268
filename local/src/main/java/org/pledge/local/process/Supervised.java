package org.pledge.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A child the {@link ProcessSupervisor} started and watches: its command, and its current process (a new one after
 * each restart). State changes happen under this object's lock, in the supervisor.
 */
public final class Supervised {

    /** Where a child is in its life. */
    public enum State {
        /** its process runs and has not answered its health check yet */
        STARTING,
        /** healthy (answered its health check since this process started) */
        RUNNING,
        /** crashed, waits for its restart */
        BACKING_OFF,
        /** being stopped and started again on request */
        RESTARTING,
        /** ended on its own and not restarted (gave up, or never healthy) */
        EXITED,
        /** being stopped with the supervisor */
        STOPPING,
        /** stopped with the supervisor */
        STOPPED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A point-in-time copy of a child's state, for status displays. */
    public record Status(String name, State state, long pid, Duration uptime, int restarts, int crashes,
                         String lastExit, Instant lastExitAt, Duration restartIn) {
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private final Path logFile;
    private final HealthCheck health;

    // guarded by this
    Process process;
    long startedNanos;
    State state = State.STARTING;
    boolean everHealthy;
    long healthySinceNanos;
    boolean exitExpected;
    boolean endedUnhealthy;
    int restarts;
    int crashes;
    int crashesInARow;
    String lastExit;
    Instant lastExitAt;
    ScheduledFuture<?> pendingRestart;
    long restartAtNanos;
    CompletableFuture<Duration> healthy = new CompletableFuture<>();

    Supervised(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile, HealthCheck health) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.logFile = logFile;
        this.health = health;
    }

    public String name() {
        return name;
    }

    public List<String> command() {
        return command;
    }

    Map<String, String> env() {
        return env;
    }

    Path workDir() {
        return workDir;
    }

    HealthCheck health() {
        return health;
    }

    public Path logFile() {
        return logFile;
    }

    /** The current process: the latest one started for this child. */
    public synchronized Process process() {
        return process;
    }

    public long pid() {
        return process().pid();
    }

    public boolean isAlive() {
        Process current = process();
        return current != null && current.isAlive();
    }

    public synchronized State state() {
        return state;
    }

    /** Processes started after the first one (crash restarts and restarts on request). */
    public synchronized int restarts() {
        return restarts;
    }

    /** Exits nobody asked for. */
    public synchronized int crashes() {
        return crashes;
    }

    /**
     * Completes when the current process is healthy, with the time it took from its start; completes exceptionally
     * when it ends first (or is not healthy within the start timeout). A new one for every start.
     */
    public synchronized CompletableFuture<Duration> healthy() {
        return healthy;
    }

    public synchronized Status status() {
        long now = System.nanoTime();
        boolean alive = process != null && process.isAlive();
        return new Status(name, state, process == null ? -1 : process.pid(),
                alive ? Duration.ofNanos(now - startedNanos) : null, restarts, crashes, lastExit, lastExitAt,
                state == State.BACKING_OFF ? Duration.ofNanos(Math.max(0, restartAtNanos - now)) : null);
    }

    /** The last {@code lines} lines of the child's log, for error messages. */
    public List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | RuntimeException e) {
            return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    /** How a process ended, from its exit code: a JVM on Linux reports death by signal N as 128 + N. */
    public static String describeExit(int code) {
        if (code > 128 && code <= 128 + 31) {
            int signal = code - 128;
            return "killed by signal " + signal + " (" + signalName(signal) + ", exit code " + code + ")";
        }
        return "exited with code " + code;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 3 -> "SIGQUIT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
