package org.pledge.platform.privacy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * What runs in the background once the service is ready, on one daemon thread: the re-wrap of keys wrapped by a
 * previous master key (once, at start-up: a rotation needs no downtime), and the completion of erasures a crash left
 * unfinished (at start-up, then every {@code pledge.privacy.erasure-completion-interval}). Failures are logged and
 * tried again at the next round.
 */
public class PrivacyMaintenance implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PrivacyMaintenance.class);

    private final DataSubjectKeyStore keys;
    private final DataSubjectErasures erasures;
    private final Duration interval;
    private final Map<String, ?> metaData;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "privacy-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code metaData}: the system actor the completion sweep's erasure events carry. */
    public PrivacyMaintenance(DataSubjectKeyStore keys, DataSubjectErasures erasures, Duration interval, Map<String, ?> metaData) {
        this.keys = keys;
        this.erasures = erasures;
        this.interval = interval;
        this.metaData = metaData;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        executor.execute(this::rewrap);
        executor.scheduleWithFixedDelay(this::completeUnfinished, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void rewrap() {
        try {
            keys.rewrap();
        } catch (RuntimeException e) {
            log.warn("Re-wrapping data subject keys with the current master key failed; POST /api/privacy/master-key-rotation "
                    + "tries again: {}", e.toString());
        }
    }

    private void completeUnfinished() {
        try {
            int done = erasures.completeUnfinished(metaData);
            if (done > 0) {
                log.info("Completed {} data subject erasures left unfinished", done);
            }
        } catch (RuntimeException e) {
            log.warn("Completing unfinished erasures failed; next try in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
