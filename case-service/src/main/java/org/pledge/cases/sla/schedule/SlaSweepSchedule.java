package org.pledge.cases.sla.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link SlaSweeper#sweep()} with a fixed delay on its own thread, from the start of the context (the first sweep
 * at once: deadlines that fell due while no instance ran fire now) until it closes. A lifecycle rather than
 * {@code @Scheduled}: it starts after and stops before Axon (late phase), so a sweep never sends to a stopped command
 * bus, and nothing else in the service is switched to Spring's scheduling.
 */
class SlaSweepSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaSweepSchedule.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final SlaSweeper sweeper;
    private final Duration interval;
    private ScheduledExecutorService executor;

    SlaSweepSchedule(SlaSweeper sweeper, Duration interval) {
        this.sweeper = sweeper;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pledge-sla-sweep");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweepSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("SLA sweep started as {} every {}", sweeper.instanceId(), interval);
    }

    private void sweepSafely() {
        try {
            sweeper.sweep();
        } catch (RuntimeException e) {
            log.warn("SLA sweep failed; next try in {}", interval, e);
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
