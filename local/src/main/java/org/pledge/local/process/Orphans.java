package org.pledge.local.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the services' pids in a file so that the next start can end services a killed launcher left
 * behind (SIGKILL gives the launcher no chance to stop them). A pid is only ended while its command line still
 * carries {@code -Dpledge.local.service=<name>}, so a recycled pid is never touched.
 */
public final class Orphans {

    private static final Logger log = LoggerFactory.getLogger(Orphans.class);
    public static final String MARKER = "-Dpledge.local.service=";

    private Orphans() {
    }

    /**
     * Writes the current pid of each child (called again after every restart, so the file stays true); replaced
     * atomically, so a launcher killed mid-write leaves the old list, never half of one.
     */
    public static void remember(Path file, List<Supervised> children) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Supervised child : children) {
            Process process = child.process();
            if (process != null) {
                lines.add(process.pid() + " " + child.name());
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path next = dir.resolve(file.getFileName() + ".next");
        Files.write(next, lines);
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Ends the processes listed in {@code file} that are still our services; returns what was ended. */
    public static List<String> reap(Path file, Duration grace) throws IOException {
        List<String> ended = new ArrayList<>();
        if (!Files.exists(file)) {
            return ended;
        }
        List<ProcessHandle> alive = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ", 2);
            if (parts.length != 2) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
            if (handle.isPresent() && handle.get().isAlive()
                    && handle.get().info().commandLine().orElse("").contains(MARKER + parts[1])) {
                log.warn("ending {} (pid {}) left behind by an earlier launcher", parts[1], parts[0]);
                handle.get().descendants().forEach(alive::add);
                alive.add(handle.get());
                handle.get().destroy();
                ended.add(parts[1] + " (pid " + parts[0] + ")");
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : alive) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // escalate below
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        Files.deleteIfExists(file);
        return ended;
    }
}
