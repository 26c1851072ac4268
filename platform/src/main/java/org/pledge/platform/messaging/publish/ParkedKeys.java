package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The publisher's in-memory copy of the sequence keys that have parked letters, so that an event of any other key costs
 * no MongoDB command. Refreshed from the store before an event when the event's global index is not the successor of
 * the last one this instance handled (the batch is being retried, or another instance had the segment meanwhile), and
 * otherwise at most once per {@code interval}. It can only be stale in the harmless direction between refreshes (a
 * key a replay drained meanwhile still looks parked): letters are written by the publisher that holds the segment,
 * and a replay only removes them. The publisher settles such a key with one look-up (see
 * {@link IntegrationEventPublisher}).
 */
final class ParkedKeys {

    private final Supplier<Set<String>> load;
    private final Clock clock;
    private final Duration interval;
    private Set<String> keys = new HashSet<>();
    private Long lastIndex;
    private Instant refreshedAt;

    ParkedKeys(Supplier<Set<String>> load, Clock clock, Duration interval) {
        this.load = load;
        this.clock = clock;
        this.interval = interval;
    }

    /** Called before each event, with its global index (null when unknown). */
    synchronized void beforeEvent(Long globalIndex) {
        boolean successor = globalIndex == null || (lastIndex != null && globalIndex == lastIndex + 1);
        Instant now = clock.instant();
        if (!successor || refreshedAt == null || !now.isBefore(refreshedAt.plus(interval))) {
            keys = new HashSet<>(load.get());
            refreshedAt = now;
        }
        if (globalIndex != null) {
            lastIndex = globalIndex;
        }
    }

    synchronized boolean contains(String key) {
        return keys.contains(key);
    }

    synchronized void add(String key) {
        keys.add(key);
    }

    synchronized void remove(String key) {
        keys.remove(key);
    }
}
