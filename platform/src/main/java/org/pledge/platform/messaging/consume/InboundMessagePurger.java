package org.pledge.platform.messaging.consume;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes old deduplication records on a schedule (instead of a TTL index, which mongo-java-server ignores). */
public class InboundMessagePurger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundMessagePurger.class);

    private final InboundMessageStore store;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public InboundMessagePurger(InboundMessageStore store, Duration retention, Duration interval) {
        this.store = store;
        this.retention = retention;
        this.interval = interval;
    }

    public long purgeNow() {
        long deleted = store.purge(retention);
        if (deleted > 0) {
            log.info("purged {} inbound message records older than {}", deleted, retention);
        }
        return deleted;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pledge-inbound-purge");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                purgeNow();
            } catch (RuntimeException e) {
                log.warn("purging inbound message records failed; next try in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
