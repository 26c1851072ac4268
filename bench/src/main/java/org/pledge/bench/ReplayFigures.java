package org.pledge.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.platform.audit.AuditTrail;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lifecycle benchmark's figures over the whole store, after its phases: a read model's catch-up and the audit
 * chain's verification ({@code case.<label>.catch_up_events_per_s}, {@code ...verification_events_per_s}).
 */
final class ReplayFigures {

    /** Waits until every streaming processor has reached the head. */
    interface Drained {
        void await() throws InterruptedException;
    }

    private ReplayFigures() {
    }

    /**
     * Catch-up: the case summaries' processor replayed from the start of the store (every event read and
     * deserialized, the applicant decrypted when encryption is on), timed until it is back at the head; the other
     * processors run on, idle.
     */
    static void catchUp(String label, ConfigurableApplicationContext app, Drained drained) throws Exception {
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        StreamingEventProcessor summaries = processing.eventProcessor(CaseSummaries.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        TrackingToken head = app.getBean(EventStore.class).createHeadToken();
        long events = head == null ? 0 : head.position().orElse(0);
        summaries.shutDown();
        summaries.resetTokens();
        long t0 = System.nanoTime();
        summaries.start();
        drained.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("case.%s.catch_up_events_per_s: %.0f events/s (case summaries replayed over %d events in %.2f s)%n",
                label, events / seconds, events, seconds);
    }

    /** The audit API's verification of the whole chain (links recomputed, checkpoint signatures checked). */
    static void verification(String label, ConfigurableApplicationContext app) {
        AuditTrail trail = app.getBean(AuditTrail.class);
        trail.verify(null, null); // warm-up
        long t0 = System.nanoTime();
        var result = trail.verify(null, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("case.%s.verification_events_per_s: %.0f events/s (%s)%n", label,
                result.eventsVerified() / seconds, result);
    }
}
