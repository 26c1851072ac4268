package org.pledge.local.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Ends processes together with the processes they started: politely first, then for good. */
final class ProcessTrees {

    private static final Logger log = LoggerFactory.getLogger(ProcessTrees.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessTrees() {
    }

    /** SIGKILL to {@code process} and its descendants at once, without waiting. */
    static void kill(Process process) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        process.descendants().forEach(tree::add);
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * SIGTERM to each process, up to {@code within} for all to exit, then SIGTERM to the descendants left (briefly),
     * then SIGKILL to whatever is still alive, descendants included.
     */
    static void stop(List<Process> processes, Duration within, List<String> names) {
        // remember the whole tree first: once a parent is gone its children are re-parented and hard to find
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        for (Process process : processes) {
            process.descendants().forEach(tree::add);
        }
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (process.isAlive()) {
                log.info("stopping {} (pid {})", names.get(i), process.pid());
                process.destroy();
            }
        }
        long deadline = System.nanoTime() + within.toNanos();
        for (Process process : processes) {
            awaitExit(process.toHandle(), deadline);
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
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (process.isAlive()) {
                log.warn("{} (pid {}) did not stop within {} s; killing it", names.get(i), process.pid(), within.toSeconds());
                process.descendants().forEach(tree::add);
                process.destroyForcibly();
            }
        }
        for (ProcessHandle descendant : tree) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        long killDeadline = System.nanoTime() + KILL_WAIT.toNanos();
        for (Process process : processes) {
            awaitExit(process.toHandle(), killDeadline);
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
}
