package org.pledge.notification.delivery.integration;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.pledge.notification.delivery.query.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code pledge.delivery.sweep-interval}, takes up the notifications due in the {@code notifications} read model
 * ({@code nextCheckAt}): a retry whose time has come, the next channel after a failed receipt, a recipient's contact
 * looked up again, an attempt whose lease ran out without an outcome (the service died in it), a receipt that never
 * came. The schedule is persisted, so it survives restarts; the aggregate's lease keeps two callers (the dispatcher,
 * another instance) off the same attempt. One notification that fails does not stop the others.
 */
public class NotificationSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationSweep.class);

    private final Notifications notifications;
    private final DeliveryAttempts attempts;
    private final DeliveryProperties properties;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public NotificationSweep(Notifications notifications, DeliveryAttempts attempts, DeliveryProperties properties, Clock clock) {
        this.notifications = notifications;
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes up every notification due now; the number taken up. */
    public int sweep() {
        List<Notifications.Due> due = notifications.due(clock.instant(), properties.sweepBatch());
        for (Notifications.Due notification : due) {
            try {
                attempts.due(notification.id(), notification.recipientRef());
            } catch (RuntimeException e) {
                log.warn("notification {}: the due attempt failed ({}); it stays due", notification.id(), e.getClass().getSimpleName());
            }
        }
        return due.size();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("notification sweep failed ({}); next sweep in {} ms", e.getClass().getSimpleName(), every);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
