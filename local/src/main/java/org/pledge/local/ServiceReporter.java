package org.pledge.local;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.pledge.local.process.Supervised;
import org.pledge.local.process.SupervisorListener;

/** Tells the console what the supervisor does with the services (restarts, health, crashes) and keeps the pid file true. */
final class ServiceReporter implements SupervisorListener {

    private static final int CRASH_LOG_LINES = 8;

    private final Consumer<String> say;
    private final Runnable rememberPids;
    private final BooleanSupplier startupDone;

    /**
     * @param say          prints a line on the console (and in the launcher's log)
     * @param rememberPids rewrites the pid file after a (re)start
     * @param startupDone  whether the first start is over (until then, the start-up reports a service that dies)
     */
    ServiceReporter(Consumer<String> say, Runnable rememberPids, BooleanSupplier startupDone) {
        this.say = say;
        this.rememberPids = rememberPids;
        this.startupDone = startupDone;
    }

    @Override
    public void started(Supervised child, boolean restart) {
        rememberPids.run();
        if (restart) {
            say.accept(child.name() + " started again (pid " + child.pid() + ", restart " + child.restarts() + ")");
        }
    }

    @Override
    public void healthy(Supervised child, Duration after) {
        if (child.restarts() == 0) {
            // the first start (all services are started at once)
            say.accept(String.format("%s healthy after %.1f s", child.name(), after.toMillis() / 1000.0));
        } else {
            say.accept(String.format("%s is healthy again (pid %d), %.1f s after its restart", child.name(), child.pid(),
                    after.toMillis() / 1000.0));
        }
    }

    @Override
    public void crashed(Supervised child, Crash crash) {
        if (!startupDone.getAsBoolean() && crash.outcome() == Outcome.NOT_RESTARTED) {
            return; // a service that dies before it was ever healthy is reported by the start-up
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format("%s (pid %d) CRASHED: %s, after %s up. Last lines of %s:", child.name(),
                crash.pid(), crash.how(), ControlCommands.human(crash.uptime()), child.logFile()));
        List<String> lines = crash.lastLines();
        for (String line : lines.subList(Math.max(0, lines.size() - CRASH_LOG_LINES), lines.size())) {
            report.append("\n    ").append(line.length() > 240 ? line.substring(0, 240) + " ..." : line);
        }
        say.accept(report.toString());
        switch (crash.outcome()) {
            case RESTART_SCHEDULED -> say.accept(String.format("restarting %s in %s (crash %d in a row)", child.name(),
                    ControlCommands.human(crash.restartIn()), crash.crashesInARow()));
            case GAVE_UP -> say.accept(String.format("%s crashed %d times in a row: giving up, it stays stopped. Fix the"
                    + " cause (see %s), then: ./pledge-local restart %s", child.name(), crash.crashesInARow(),
                    child.logFile(), child.name()));
            case NOT_RESTARTED -> say.accept(String.format("%s is not restarted: it was never healthy. Fix the cause"
                    + " (see %s), then: ./pledge-local restart %s", child.name(), child.logFile(), child.name()));
        }
    }
}
