package org.pledge.cases.catalogue.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.pledge.cases.catalogue.command.CalendarRecalculationSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link CalendarRecalculationSweep#sweep()} with a fixed delay on its own thread while the context runs, the
 * first sweep one interval after start-up (the projections catch up first). A lifecycle rather than
 * {@code @Scheduled}, like the SLA sweep: it starts after and stops before Axon, so a sweep never sends to a stopped
 * command bus.
 */
class CalendarRecalculationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CalendarRecalculationSchedule.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final CalendarRecalculationSweep sweep;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CalendarRecalculationSchedule(CalendarRecalculationSweep sweep, Duration interval) {
        this.sweep = sweep;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pledge-calendar-sweep");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("calendar recalculation sweep every {}", interval);
    }

    private void sweepSafely() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            log.warn("calendar recalculation sweep failed; next try in {}", interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown(); // let a running sweep finish its command
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** After Axon's phases on start, before them on stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
