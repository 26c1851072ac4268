package org.pledge.platform.messaging.publish;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Permanent failures per event id, in memory, until the event's batch passes: after
 * {@code pledge.messaging.publisher.max-attempts} of them the {@link IntegrationEventPublisher} parks the event. Only
 * events of failing batches are ever counted, and at most {@value #MAX_COUNTED_EVENTS} (the oldest are forgotten).
 * Counts live in this instance only: an instance that takes the segment over starts counting again.
 */
final class FailedAttempts {

    /** Failure counts kept for at most this many events. */
    static final int MAX_COUNTED_EVENTS = 10_000;

    /** How often an event failed for good, the last reason, when it first and last failed. */
    record Count(int times, String reason, Instant first, Instant last) {
    }

    private final Map<String, Count> counts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > MAX_COUNTED_EVENTS;
        }
    };

    synchronized Count get(String eventId) {
        return counts.get(eventId);
    }

    /** Counts one more failure of the event; returns how many it has had. */
    synchronized int failed(String eventId, String reason, Instant at) {
        Count before = counts.get(eventId);
        Count after = before == null ? new Count(1, reason, at, at)
                : new Count(before.times() + 1, reason, before.first(), at);
        counts.put(eventId, after);
        return after.times();
    }

    synchronized void forget(Collection<String> eventIds) {
        eventIds.forEach(counts::remove);
    }
}
