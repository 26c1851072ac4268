package org.pledge.cases.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a task with a fixed delay on its own daemon thread while the context runs (the SLA sweep, the calendar
 * recalculation sweep). A lifecycle rather than {@code @Scheduled}: it starts after and stops before Axon (late
 * phase), so a task never sends to a stopped command bus, and nothing else in the service is switched to Spring's
 * scheduling. A failed run is logged and the next one comes after the interval; stopping lets a running task finish
 * (bounded).
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Runnable task;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * @param name         for the thread ({@code pledge-<name>}) and the log
     * @param initialDelay before the first run ({@link Duration#ZERO}: at start)
     * @param interval     between the end of a run and the start of the next
     */
    public PeriodicTask(String name, Runnable task, Duration initialDelay, Duration interval) {
        this.name = name;
        this.task = task;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pledge-" + name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runSafely, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("{} every {}, first in {}", name, interval, initialDelay);
    }

    private void runSafely() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; next try in {}", name, interval, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown(); // let a running task finish its command
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
