package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists and replays what the integration-event publisher parked ({@link PublisherDeadLetters}), for the operations
 * endpoints {@code GET /ops/dead-letters/outbound} and {@code POST /ops/dead-letters/outbound/replay}.
 *
 * <p>A replay takes the letters (all, or one sequence key's) in event order (global index, so per key in sequence
 * order), at most {@code pledge.messaging.dead-letters.max-records} per call, and for each: re-reads the event from the
 * event store (a domain event by aggregate id and sequence number, any other by its global index), maps it with the
 * service's current mappers, sends it and waits for Kafka's acknowledgement ({@link IntegrationEventPublisher#publishNow}).
 * Acknowledged: the letter is deleted. Failed: the letter stays, {@code FAILED}, with the new reason and one attempt
 * more, and every later letter of its key stays parked in this replay (per-key order). A transient failure (the broker
 * is down) ends the replay: everything not yet replayed stays parked. The published record has the same {@code ce_id}
 * as any earlier copy, so a replay is idempotent for consumers, and replaying a key with nothing parked does nothing.
 *
 * <p>After a pass, the replay looks again for letters of the keys it drained and replays those too, until it finds
 * none: the publisher may have parked a later event of such a key as waiting meanwhile, because its in-memory copy of
 * the parked keys was not yet refreshed ({@link IntegrationEventPublisher} describes why one of the two always
 * publishes it). Replays in this instance run one at a time.
 */
public class PublisherDeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(PublisherDeadLetterReplay.class);

    private final PublisherDeadLetters letters;
    private final IntegrationEventPublisher publisher;
    private final Supplier<EventStore> eventStore;
    private final Clock clock;
    private final int maxRecords;

    /**
     * @param eventStore where the events are read again (a supplier: the event store is made after the publisher)
     * @param maxRecords the most letters one replay tries, and one listing shows
     */
    public PublisherDeadLetterReplay(PublisherDeadLetters letters, IntegrationEventPublisher publisher,
                                     Supplier<EventStore> eventStore, Clock clock, int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be at least 1");
        }
        this.letters = letters;
        this.publisher = publisher;
        this.eventStore = eventStore;
        this.clock = clock;
        this.maxRecords = maxRecords;
    }

    /**
     * What a replay did.
     *
     * @param replayed    letters published and deleted
     * @param failed      letters that failed again (still parked)
     * @param stillParked letters left (of the key, or in all) when the replay ended
     */
    public record ReplayResult(int replayed, int failed, long stillParked) {
    }

    /** Parked letters in event order, all or of one key ({@code null}: all), at most {@code max-records}. */
    public List<PublisherDeadLetter> list(String sequenceKey) {
        return letters.oldestFirst(sequenceKey, maxRecords);
    }

    /** Replays the letters of one key ({@code null}: of every key). */
    public synchronized ReplayResult replay(String sequenceKey) {
        int replayed = 0;
        int failed = 0;
        int budget = maxRecords;
        boolean stopped = false;
        Set<String> blocked = new HashSet<>();
        Set<String> drained = new LinkedHashSet<>();
        List<PublisherDeadLetter> pass = letters.oldestFirst(sequenceKey, budget);
        while (!pass.isEmpty() && !stopped) {
            boolean triedAny = false;
            for (PublisherDeadLetter letter : pass) {
                if (blocked.contains(letter.sequenceKey())) {
                    continue;
                }
                if (budget-- <= 0) {
                    stopped = true;
                    break;
                }
                triedAny = true;
                try {
                    publisher.publishNow(read(letter));
                    letters.delete(letter.eventId());
                    replayed++;
                    drained.add(letter.sequenceKey());
                } catch (RuntimeException e) {
                    failed++;
                    blocked.add(letter.sequenceKey());
                    String reason = PublishFailures.reason(e, IntegrationEventPublisher.REASON_LENGTH);
                    letters.replayFailed(letter, reason, clock.instant());
                    boolean transientFailure = PublishFailures.isTransient(e);
                    log.warn("Replay of parked integration event {} ({} #{}) failed{}: {}", letter.eventId(),
                            letter.sequenceKey(), letter.sequenceNumber(),
                            transientFailure ? " (transient: replay ended)" : "", reason);
                    if (transientFailure) {
                        stopped = true;
                        break;
                    }
                }
            }
            if (!triedAny) {
                break;
            }
            // (b) of the protocol: letters the publisher stored meanwhile for keys this replay drained
            drained.removeAll(blocked);
            pass = letters.oldestFirst(drained, Math.max(1, budget));
        }
        return new ReplayResult(replayed, failed, letters.count(sequenceKey));
    }

    /** The parked event, as the event store holds it. */
    private EventMessage<?> read(PublisherDeadLetter letter) {
        EventStore store = eventStore.get();
        if (letter.sequenceNumber() != null) {
            DomainEventStream stream = store.readEvents(letter.sequenceKey(), letter.sequenceNumber());
            if (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                if (event.getIdentifier().equals(letter.eventId())) {
                    return event;
                }
            }
        } else if (letter.globalIndex() != null) {
            long index = letter.globalIndex();
            TrackingToken before = index == 0 ? null : GapAwareTrackingToken.newInstance(index - 1, Set.of());
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(before)) {
                if (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (event.getIdentifier().equals(letter.eventId())) {
                        return event;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted reading event " + letter.eventId(), e);
            }
        }
        throw new IllegalStateException("event " + letter.eventId() + " is not in the event store where it was"
                + " parked from (" + letter.sequenceKey() + " #" + letter.sequenceNumber() + ", global index "
                + letter.globalIndex() + ")");
    }
}
