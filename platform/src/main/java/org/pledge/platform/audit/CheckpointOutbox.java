package org.pledge.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The outbox of {@code audit_checkpoints}: every {@code pledge.audit.outbox-interval} (1 s) on one daemon thread it
 * <ol>
 *     <li>lets {@link AuditChainer#checkpointIfDue} sign the time-based checkpoint;</li>
 *     <li>sends the checkpoints not yet published ({@link CheckpointPublisher}), oldest first, waits for the broker's
 *     acknowledgements (at most {@code pledge.messaging.publish-timeout}) and marks each acknowledged one
 *     {@code published}. At least once: a checkpoint acknowledged but not yet marked is sent again after a crash,
 *     with the same CloudEvents id.</li>
 * </ol>
 * It looks for unpublished checkpoints when this instance stored one, at start, after a failure, and once per
 * {@value #SWEEP_SECONDS} s for those another instance stored and could not send (the query scans on
 * mongo-java-server). A failed send is retried after 1, 2, 4 ... 60 s; nothing is lost meanwhile.
 */
final class CheckpointOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointOutbox.class);
    static final int SWEEP_SECONDS = 60;
    private static final int BATCH = 100;
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(60);

    private final AuditChainer chainer;
    private final StoredCheckpoints checkpoints;
    private final Supplier<CheckpointPublisher> publisher;
    private final Clock clock;
    private final Duration interval;
    private final Duration publishTimeout;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private volatile ScheduledExecutorService executor;
    private Instant lastSweep = Instant.MIN;
    private Instant retryAt = Instant.MIN;
    private Duration backOff = Duration.ZERO;
    private boolean warnedNoPublisher;

    /**
     * @param publisher      the broker side, looked up at each use (null: nothing is sent, the checkpoints wait)
     * @param publishTimeout how long one round waits for the broker's acknowledgements
     */
    CheckpointOutbox(AuditChainer chainer, StoredCheckpoints checkpoints, Supplier<CheckpointPublisher> publisher,
                     Clock clock, Duration interval, Duration publishTimeout) {
        this.chainer = chainer;
        this.checkpoints = checkpoints;
        this.publisher = publisher;
        this.clock = clock;
        this.interval = interval;
        this.publishTimeout = publishTimeout;
    }

    /** A checkpoint was stored: look for unpublished ones at the next tick. */
    void checkpointStored() {
        pending.set(true);
    }

    /** One round: the time-based checkpoint, then what is unpublished. Returns how many checkpoints were published. */
    int tick() {
        try {
            chainer.checkpointIfDue();
        } catch (RuntimeException e) {
            log.warn("Could not sign the time-based audit checkpoint; trying again in {}", interval, e);
        }
        Instant now = clock.instant();
        if (now.isBefore(retryAt)) {
            return 0;
        }
        boolean sweep = !now.isBefore(lastSweep.plusSeconds(SWEEP_SECONDS));
        if (!pending.getAndSet(false) && !sweep) {
            return 0;
        }
        if (sweep) {
            lastSweep = now;
        }
        try {
            int published = publishUnpublished();
            backOff = Duration.ZERO;
            retryAt = Instant.MIN;
            return published;
        } catch (RuntimeException | TimeoutException e) {
            pending.set(true);
            backOff = backOff.isZero() ? Duration.ofSeconds(1)
                    : backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff.multipliedBy(2);
            retryAt = clock.instant().plus(backOff);
            log.warn("Could not publish audit checkpoints ({}); retrying in {}", e.toString(), backOff);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.set(true);
            return 0;
        }
    }

    private int publishUnpublished() throws TimeoutException, InterruptedException {
        CheckpointPublisher sender = publisher.get();
        int published = 0;
        while (true) {
            List<StoredCheckpoint> batch = checkpoints.unpublished(BATCH);
            if (batch.isEmpty()) {
                return published;
            }
            if (sender == null) {
                if (!warnedNoPublisher) {
                    warnedNoPublisher = true;
                    log.warn("No CheckpointPublisher: audit checkpoints are kept unpublished in {}",
                            StoredCheckpoints.COLLECTION);
                }
                return published;
            }
            List<CompletableFuture<?>> sent = new ArrayList<>(batch.size());
            for (StoredCheckpoint stored : batch) {
                sent.add(sender.publish(stored.checkpoint()));
            }
            try {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                        .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // mark what was acknowledged; the rest is sent again
                markAcknowledged(batch, sent);
                throw new IllegalStateException("the broker refused an audit checkpoint", e.getCause());
            }
            published += markAcknowledged(batch, sent);
            if (batch.size() < BATCH) {
                return published;
            }
        }
    }

    private int markAcknowledged(List<StoredCheckpoint> batch, List<CompletableFuture<?>> sent) {
        int marked = 0;
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<?> future = sent.get(i);
            if (future.isDone() && !future.isCompletedExceptionally()) {
                checkpoints.markPublished(batch.get(i).sequence(), clock.instant());
                marked++;
            }
        }
        return marked;
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "audit-checkpoint-outbox");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.scheduleWithFixedDelay(this::tickSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint outbox round failed; trying again in {}", interval, e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // stops before the Kafka bindings and Axon's processors: nothing is half-sent when they go
        return Integer.MAX_VALUE - 100;
    }
}
