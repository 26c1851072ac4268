package org.pledge.local.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts child processes (the services) with their output in a log file, and stops them all: a polite
 * {@code destroy()} (SIGTERM, so Spring shuts down gracefully), up to {@code grace} to exit, then
 * {@code destroyForcibly()} of whatever is left, descendants included.
 */
public final class ProcessSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessSupervisor.class);

    private final Duration grace;
    private final List<Supervised> children = new ArrayList<>();
    private boolean stopped;

    public ProcessSupervisor(Duration grace) {
        this.grace = grace;
    }

    /**
     * Starts {@code command} in {@code workDir} with {@code env} added to this process' environment,
     * stdout and stderr appended to {@code logFile}.
     */
    public synchronized Supervised start(String name, List<String> command, Map<String, String> env, Path workDir,
                                         Path logFile) throws IOException {
        if (stopped) {
            throw new IllegalStateException("the supervisor is stopped");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().putAll(env);
        Supervised child = new Supervised(name, builder.start(), logFile);
        children.add(child);
        log.debug("started {} as pid {}", name, child.pid());
        return child;
    }

    public synchronized List<Supervised> children() {
        return List.copyOf(children);
    }

    /** Stops every child (all at once), waiting at most {@code grace} before killing them. Idempotent. */
    public void stopAll() {
        List<Supervised> toStop;
        synchronized (this) {
            stopped = true;
            toStop = List.copyOf(children);
        }
        // remember the whole tree first: once a parent is gone its children are re-parented and hard to find
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        for (Supervised child : toStop) {
            child.process().descendants().forEach(tree::add);
        }
        for (Supervised child : toStop) {
            if (child.isAlive()) {
                log.info("stopping {} (pid {})", child.name(), child.pid());
                child.process().destroy();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Supervised child : toStop) {
            awaitExit(child.process().toHandle(), deadline);
        }
        for (ProcessHandle descendant : tree) {
            if (descendant.isAlive()) {
                descendant.destroy();
            }
        }
        long shortDeadline = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
        for (ProcessHandle descendant : tree) {
            awaitExit(descendant, shortDeadline);
        }
        for (Supervised child : toStop) {
            if (child.isAlive()) {
                log.warn("{} (pid {}) did not stop within {} s; killing it", child.name(), child.pid(), grace.toSeconds());
                child.process().descendants().forEach(tree::add);
                child.process().destroyForcibly();
            }
        }
        for (ProcessHandle descendant : tree) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Supervised child : toStop) {
            awaitExit(child.process().toHandle(), killDeadline);
        }
        for (ProcessHandle descendant : tree) {
            awaitExit(descendant, killDeadline);
        }
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (!handle.isAlive() || left <= 0) {
            return;
        }
        try {
            handle.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out: the caller escalates
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    @Override
    public void close() {
        stopAll();
    }
}
