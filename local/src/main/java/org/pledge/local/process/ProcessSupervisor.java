package org.pledge.local.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts child processes (the services) with their output appended to a log file, watches them and stops them.
 *
 * <ul>
 *   <li>Watching: every process has a watcher ({@link Process#onExit()}). An exit nobody asked for is a crash: the
 *   listener hears of it at once, and the child is started again after a back-off ({@link RestartPolicy}); the
 *   listener hears when it is healthy again, or that the supervisor gave up.</li>
 *   <li>{@link #restart}: a deliberate stop and start, not counted as a crash.</li>
 *   <li>{@link #stopAll}: a polite {@code destroy()} (SIGTERM, so Spring shuts down gracefully) to every child at
 *   once, up to {@code grace} to exit, then {@code destroyForcibly()} of whatever is left, descendants included.</li>
 * </ul>
 */
public final class ProcessSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final int TAIL_LINES = 12;
    private static final int SIGINT_EXIT = 128 + 2;
    private static final Duration SIGINT_GRACE = Duration.ofSeconds(2);

    private final Duration grace;
    private final RestartPolicy policy;
    private final SupervisorListener listener;
    private final Clock clock;
    private final List<Supervised> children = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    /** Children are never restarted; a crash is only remembered. */
    public ProcessSupervisor(Duration grace) {
        this(grace, RestartPolicy.NEVER, SupervisorListener.NONE, Clock.systemDefaultZone());
    }

    public ProcessSupervisor(Duration grace, RestartPolicy policy, SupervisorListener listener, Clock clock) {
        this.grace = grace;
        this.policy = policy;
        this.listener = listener;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "supervisor-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Duration grace() {
        return grace;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code env} added to this process' environment, stdout and
     * stderr appended to {@code logFile}; healthy as soon as it runs.
     */
    public Supervised start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile)
            throws IOException {
        return start(name, command, env, workDir, logFile, HealthCheck.ALIVE);
    }

    /** As above, healthy when {@code health} says so. */
    public Supervised start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile,
                            HealthCheck health) throws IOException {
        Supervised child = new Supervised(name, command, env, workDir, logFile, health);
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("the supervisor is stopped");
            }
            synchronized (child) {
                launch(child, "started");
            }
            children.add(child);
        }
        listener.started(child, false);
        return child;
    }

    public synchronized List<Supervised> children() {
        return List.copyOf(children);
    }

    /**
     * Stops {@code child}'s current process (SIGTERM, up to the grace period, then killed with its descendants) and
     * starts a new one, at once, also when the child is waiting for a restart or was given up on. Not a crash:
     * the count of crashes in a row starts again. Returns when the new process is started; its health is
     * {@link Supervised#healthy()}.
     *
     * @return how long the old process took to stop
     * @throws IllegalStateException when the supervisor is stopping or the child is already restarting
     */
    public Duration restart(Supervised child) throws IOException {
        Process old;
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("the supervisor is stopping");
            }
        }
        synchronized (child) {
            if (child.state == Supervised.State.RESTARTING) {
                throw new IllegalStateException(child.name() + " is already restarting");
            }
            if (child.state == Supervised.State.STOPPING || child.state == Supervised.State.STOPPED) {
                throw new IllegalStateException(child.name() + " is stopped");
            }
            cancelPendingRestart(child);
            child.state = Supervised.State.RESTARTING;
            child.exitExpected = true;
            old = child.process;
        }
        long start = System.nanoTime();
        ProcessTrees.stop(List.of(old), grace, List.of(child.name()));
        Duration stoppedIn = Duration.ofNanos(System.nanoTime() - start);
        synchronized (this) {
            synchronized (child) {
                if (stopping) {
                    child.state = Supervised.State.STOPPED;
                    throw new IllegalStateException("the supervisor is stopping");
                }
                child.restarts++;
                child.crashesInARow = 0;
                launch(child, "restarted on request");
            }
        }
        listener.started(child, true);
        return stoppedIn;
    }

    // ---------------------------------------------------------------- starting and watching

    /** Starts a new process for {@code child}; caller holds the child's lock. */
    private void launch(Supervised child, String why) throws IOException {
        Files.createDirectories(child.logFile().toAbsolutePath().getParent());
        Files.writeString(child.logFile(), "=== pledge-local " + why + " " + child.name() + " at " + clock.instant()
                        + ": " + String.join(" ", child.command()) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(child.command())
                .directory(child.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(child.logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().putAll(child.env());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            child.state = Supervised.State.EXITED;
            child.healthy.completeExceptionally(e);
            throw e;
        }
        child.process = process;
        child.startedNanos = System.nanoTime();
        child.healthySinceNanos = 0;
        child.exitExpected = false;
        child.endedUnhealthy = false;
        child.state = Supervised.State.STARTING;
        if (child.healthy.isDone()) {
            child.healthy = new CompletableFuture<>();
        }
        log.debug("{} {} as pid {}", why, child.name(), process.pid());
        process.onExit().thenAcceptAsync(ended -> onExit(child, ended, false), scheduler);
        long deadline = child.startedNanos + policy.startTimeout().toNanos();
        scheduler.schedule(() -> pollHealth(child, process, deadline), 0, TimeUnit.MILLISECONDS);
    }

    private void pollHealth(Supervised child, Process process, long deadline) {
        boolean late;
        synchronized (child) {
            if (child.process != process || !process.isAlive()
                    || (child.state != Supervised.State.STARTING)) {
                return;
            }
            late = System.nanoTime() > deadline;
        }
        if (late && !child.healthy().isDone()) {
            notHealthyInTime(child, process);
        }
        boolean healthy;
        try {
            healthy = child.health().isHealthy(child);
        } catch (RuntimeException e) {
            log.debug("health check of {} failed", child.name(), e);
            healthy = false;
        }
        Duration after = null;
        CompletableFuture<Duration> waiting = null;
        synchronized (child) {
            if (child.process != process || child.state != Supervised.State.STARTING) {
                return;
            }
            if (healthy && process.isAlive()) {
                long now = System.nanoTime();
                child.state = Supervised.State.RUNNING;
                child.everHealthy = true;
                child.healthySinceNanos = now;
                after = Duration.ofNanos(now - child.startedNanos);
                waiting = child.healthy;
            }
        }
        if (after != null) {
            listener.healthy(child, after); // first: whoever waits for the health reads the listener's news after it
            waiting.complete(after);
            return;
        }
        // past the deadline a never-healthy child is still watched, at a slower pace, for --keep-going
        long pause = late ? Math.max(policy.healthPollInterval().toMillis(), 2000) : policy.healthPollInterval().toMillis();
        try {
            scheduler.schedule(() -> pollHealth(child, process, deadline), pause, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the supervisor is stopping
        }
    }

    /** The start timeout passed: a restarted child is ended (and counts as a crash); a first start is only reported. */
    private void notHealthyInTime(Supervised child, Process process) {
        boolean end;
        synchronized (child) {
            if (child.process != process) {
                return;
            }
            end = child.everHealthy && policy.restart();
            child.endedUnhealthy = end;
            child.healthy.completeExceptionally(new TimeoutException(child.name() + " not healthy within "
                    + policy.startTimeout().toSeconds() + " s"));
        }
        if (end) {
            log.warn("{} (pid {}) not healthy within {} s of its restart; ending it", child.name(), process.pid(),
                    policy.startTimeout().toSeconds());
            ProcessTrees.kill(process);
        }
    }

    private void onExit(Supervised child, Process process, boolean deferred) {
        if (!deferred && process.exitValue() == SIGINT_EXIT && !stopping) {
            // Ctrl-C in a terminal sends SIGINT to the whole process group, the children too: give the supervisor's
            // own stop (which the launcher starts on the same Ctrl-C) a moment before calling this a crash
            try {
                scheduler.schedule(() -> onExit(child, process, true), SIGINT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // stopped meanwhile
            }
        }
        SupervisorListener.Crash crash;
        synchronized (child) {
            if (child.process != process) {
                return;
            }
            int code = process.exitValue();
            if (child.exitExpected || stopping) {
                return;
            }
            long now = System.nanoTime();
            String how = child.endedUnhealthy
                    ? "not healthy within " + policy.startTimeout().toSeconds() + " s of its restart, so ended"
                    : Supervised.describeExit(code);
            child.crashes++;
            child.lastExit = how;
            child.lastExitAt = clock.instant();
            child.healthy.completeExceptionally(new IllegalStateException(child.name() + " " + how));
            boolean stable = child.healthySinceNanos != 0
                    && now - child.healthySinceNanos >= policy.stableAfter().toNanos();
            if (stable) {
                child.crashesInARow = 0;
            }
            child.crashesInARow++;
            SupervisorListener.Outcome outcome;
            Duration delay = Duration.ZERO;
            if (!policy.restart() || !child.everHealthy) {
                outcome = SupervisorListener.Outcome.NOT_RESTARTED;
                child.state = Supervised.State.EXITED;
            } else if (child.crashesInARow > policy.maxCrashesInARow()) {
                outcome = SupervisorListener.Outcome.GAVE_UP;
                child.state = Supervised.State.EXITED;
            } else {
                outcome = SupervisorListener.Outcome.RESTART_SCHEDULED;
                delay = policy.delayAfter(child.crashesInARow);
                child.state = Supervised.State.BACKING_OFF;
                child.restartAtNanos = now + delay.toNanos();
                try {
                    child.pendingRestart = scheduler.schedule(() -> restartAfterCrash(child, process),
                            delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    outcome = SupervisorListener.Outcome.NOT_RESTARTED; // the supervisor stopped meanwhile
                    child.state = Supervised.State.STOPPED;
                    delay = Duration.ZERO;
                }
            }
            crash = new SupervisorListener.Crash(process.pid(), how, Duration.ofNanos(now - child.startedNanos),
                    child.tail(TAIL_LINES), child.crashesInARow, outcome, delay);
        }
        log.info("{} (pid {}) {}; {}", child.name(), crash.pid(), crash.how(), crash.outcome());
        listener.crashed(child, crash);
    }

    private void restartAfterCrash(Supervised child, Process crashed) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            synchronized (child) {
                if (child.process != crashed || child.state != Supervised.State.BACKING_OFF) {
                    return; // restarted on request meanwhile
                }
                child.pendingRestart = null;
                child.restarts++;
                try {
                    launch(child, "restarted after crash " + child.crashesInARow + " in a row,");
                } catch (IOException e) {
                    log.error("could not restart {}", child.name(), e);
                    return;
                }
            }
        }
        listener.started(child, true);
    }

    private static void cancelPendingRestart(Supervised child) {
        if (child.pendingRestart != null) {
            child.pendingRestart.cancel(false);
            child.pendingRestart = null;
        }
    }

    // ---------------------------------------------------------------- stopping

    /** Stops every child (all at once), waiting at most the grace period before killing them. Idempotent. */
    public void stopAll() {
        stopAll(grace);
    }

    /** As {@link #stopAll()}, with at most {@code within} (never more than the grace period) before the kill. */
    public void stopAll(Duration within) {
        List<Supervised> toStop;
        synchronized (this) {
            stopping = true;
            toStop = List.copyOf(children);
        }
        List<Process> processes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Supervised child : toStop) {
            synchronized (child) {
                cancelPendingRestart(child);
                child.exitExpected = true;
                if (child.state != Supervised.State.STOPPED) {
                    child.state = Supervised.State.STOPPING;
                }
                if (child.process != null) {
                    processes.add(child.process);
                    names.add(child.name());
                }
            }
        }
        ProcessTrees.stop(processes, within.compareTo(grace) < 0 ? within : grace, names);
        for (Supervised child : toStop) {
            synchronized (child) {
                child.state = Supervised.State.STOPPED;
                child.healthy.completeExceptionally(new IllegalStateException(child.name() + " stopped"));
            }
        }
        scheduler.shutdownNow();
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    @Override
    public void close() {
        stopAll();
    }
}
