package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.pledge.platform.messaging.publish.PublisherDeadLetter.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks events as {@link PublisherDeadLetters}: a poison event ({@code FAILED}, after its permanent failures) and every
 * later event of a key that has parked letters ({@code WAITING}), so that a consumer never receives a key's later
 * event before an earlier one that was parked. Keeps {@link ParkedKeys}, the in-memory copy of the parked keys, up to
 * date with what it parks; the race with a replay is explained on {@link IntegrationEventPublisher}.
 */
final class PoisonEventParking {

    /** The publisher's logger: operators configure one logger for the publisher. */
    private static final Logger log = LoggerFactory.getLogger(IntegrationEventPublisher.class);

    private final PublisherDeadLetters letters;
    private final ParkedKeys parkedKeys;
    private final Clock clock;

    PoisonEventParking(PublisherDeadLetters letters, ParkedKeys parkedKeys, Clock clock) {
        this.letters = letters;
        this.parkedKeys = parkedKeys;
        this.clock = clock;
    }

    /**
     * The rare path, for an event of a key believed parked: store its letter as waiting first, then look for an earlier
     * letter of the key. None left (a replay drained the key): delete the letter and publish the event after all.
     *
     * @return whether the event stays parked (else the caller publishes it)
     */
    boolean mustWait(EventMessage<?> event, Long index, String key) {
        PublisherDeadLetter waiting = letter(event, index, key, State.WAITING, null, 0, null, null);
        PublisherDeadLetter existing = letters.insert(waiting);
        if (existing != null && existing.state() == State.FAILED) {
            return true; // parked for its own failure before (another instance, or before a restart)
        }
        if (letters.hasEarlier(key, index, event.getIdentifier())) {
            if (existing == null) {
                log.warn("Parked integration event {} ({}), waiting behind an earlier parked event of {}",
                        event.getIdentifier(), position(event, index), key);
            }
            return true;
        }
        letters.delete(event.getIdentifier());
        parkedKeys.remove(key);
        return false;
    }

    /** Parks a poison event as {@code FAILED} with its failures (a waiting letter of it becomes failed). */
    void park(EventMessage<?> event, Long index, String key, FailedAttempts.Count failed) {
        PublisherDeadLetter letter = letter(event, index, key, State.FAILED, failed.reason(), failed.times(),
                failed.first(), failed.last());
        PublisherDeadLetter existing = letters.insert(letter);
        if (existing != null && existing.state() == State.WAITING) {
            letters.markFailed(letter.eventId(), letter.reason(), letter.attempts(), letter.firstFailedAt(),
                    letter.lastFailedAt());
        }
        parkedKeys.add(key);
        if (existing == null || existing.state() == State.WAITING) {
            log.warn("Parked integration event {} ({}) after {} failed attempt(s): {}", event.getIdentifier(),
                    position(event, index), failed.times(), failed.reason());
        }
    }

    private PublisherDeadLetter letter(EventMessage<?> event, Long index, String key, State state, String reason,
                                       int attemptCount, Instant first, Instant last) {
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
                ? d : null;
        return new PublisherDeadLetter(event.getIdentifier(), key, domain == null ? null : domain.getType(),
                domain == null ? null : domain.getSequenceNumber(), index, event.getPayloadType().getName(), state,
                reason, attemptCount, first, last, clock.instant());
    }

    /** Where the event is, for a log line: no payload, no personal data. */
    private static String position(EventMessage<?> event, Long index) {
        String where = event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
                ? d.getType() + " " + d.getAggregateIdentifier() + " #" + d.getSequenceNumber()
                : "no aggregate";
        return event.getPayloadType().getName() + ", " + where + ", global index " + index;
    }
}
