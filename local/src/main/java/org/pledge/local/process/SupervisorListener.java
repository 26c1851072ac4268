package org.pledge.local.process;

import java.time.Duration;
import java.util.List;

/** What the {@link ProcessSupervisor} tells about its children; called from its own threads, never under a lock. */
public interface SupervisorListener {

    /** What the supervisor does after a crash. */
    enum Outcome {
        /** started again after {@link Crash#restartIn()} */
        RESTART_SCHEDULED,
        /** too many crashes in a row: left stopped */
        GAVE_UP,
        /** not restarted: the policy never restarts, or the child was never healthy */
        NOT_RESTARTED
    }

    /**
     * A child's process ended without being asked to.
     *
     * @param pid           the process that ended
     * @param how           e.g. "killed by signal 9 (SIGKILL, exit code 137)"
     * @param uptime        how long that process ran
     * @param lastLines     the end of the child's log
     * @param crashesInARow this crash included
     * @param outcome       what happens next
     * @param restartIn     the wait before the restart (zero unless RESTART_SCHEDULED)
     */
    record Crash(long pid, String how, Duration uptime, List<String> lastLines, int crashesInARow, Outcome outcome,
                 Duration restartIn) {
    }

    SupervisorListener NONE = new SupervisorListener() {
    };

    /** A process was started for {@code child}: its first ({@code restart} false) or a later one. */
    default void started(Supervised child, boolean restart) {
    }

    /** {@code child}'s current process answered its health check, {@code after} its start. */
    default void healthy(Supervised child, Duration after) {
    }

    /** {@code child}'s process ended on its own (or had to be ended: not healthy in time after a restart). */
    default void crashed(Supervised child, Crash crash) {
    }
}
