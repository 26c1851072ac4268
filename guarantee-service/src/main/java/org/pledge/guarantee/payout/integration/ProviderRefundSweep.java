package org.pledge.guarantee.payout.integration;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.pledge.guarantee.payout.query.ProviderRefunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code pledge.payments.sweep-interval}, takes up the provider refunds that are due in {@code provider_refunds}:
 * a retry whose time has come, an attempt whose lease ran out without an outcome (the service died during it: the
 * refund is looked up by its key first), a refund the provider accepted and has not settled (its status is polled).
 * The schedule is persisted, so it survives restarts; the aggregate's lease keeps two instances off the same refund.
 * One refund that fails does not stop the others.
 */
public class ProviderRefundSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProviderRefundSweep.class);
    private static final int BATCH = 50;

    private final ProviderRefunds refunds;
    private final ProviderRefundAttempts attempts;
    private final PaymentProperties properties;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public ProviderRefundSweep(ProviderRefunds refunds, ProviderRefundAttempts attempts, PaymentProperties properties, Clock clock) {
        this.refunds = refunds;
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Takes up every refund due now; the number taken up. */
    public int sweep() {
        List<String> due = refunds.due(clock.instant(), BATCH);
        for (String refundId : due) {
            try {
                attempts.due(refundId);
            } catch (RuntimeException e) {
                log.warn("refund {}: the due attempt failed ({}); it stays due", refundId, e.getClass().getSimpleName());
            }
        }
        return due.size();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "provider-refund-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sweepInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("provider refund sweep failed ({}); next sweep in {} ms", e.getClass().getSimpleName(), every);
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
