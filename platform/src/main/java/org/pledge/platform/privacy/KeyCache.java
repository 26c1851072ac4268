package org.pledge.platform.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwrapped subject keys (and tombstones) in memory, at most {@code size} subjects, least recently used out first, each
 * for at most {@code ttl} by the injected clock: so an erasure on another instance stops this one decrypting within the
 * TTL, and one on this instance at once ({@link #evict}). A subject without any key document is never cached.
 */
final class KeyCache {

    /** What is known of a subject: its key, or that it is erased (key null). */
    record Known(SubjectKey key) {
        static final Known ERASED = new Known(null);

        boolean erased() {
            return key == null;
        }
    }

    private record Entry(Known known, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries;

    KeyCache(Clock clock, Duration ttl, int size) {
        this.clock = clock;
        this.ttl = ttl;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > size;
            }
        };
    }

    synchronized Optional<Known> get(String subjectRef) {
        Entry entry = entries.get(subjectRef);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(subjectRef);
            return Optional.empty();
        }
        return Optional.of(entry.known());
    }

    synchronized void put(String subjectRef, Known known) {
        if (ttl.isZero()) {
            return;
        }
        entries.put(subjectRef, new Entry(known, clock.instant().plus(ttl)));
    }

    synchronized void evict(String subjectRef) {
        entries.remove(subjectRef);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
