package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.pledge.platform.messaging.publish.PublisherDeadLetter.State;
import org.pledge.platform.readmodel.BatchEndTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The event store is the outbox: this handler runs in the service's one {@code integration-publisher} pooled
 * streaming processor, maps each event with the service's {@link IntegrationEventMapper}s and hands the records to
 * Kafka ({@link IntegrationEventSender}: {@code StreamBridge}, {@code acks=all}, idempotent producer) without waiting.
 *
 * <h2>One wait per batch</h2>
 * The processor hands up to {@code pledge.axon.processor-batch-size} events to one {@link org.axonframework.messaging.unitofwork.BatchingUnitOfWork}. Every
 * record of the batch is sent asynchronously, so the producer can batch them, and after the batch's <em>last</em> event
 * ({@link BatchEndTasks}, the platform's interceptor on every processor) the batch waits once for all of them, at most
 * {@code pledge.messaging.publish-timeout} (30 s) in all. It waits there, and not in an {@code onPrepareCommit} hook:
 * the processor's work package registers its token write as the first prepare-commit handler of the unit of work
 * before any event is handled, and prepare-commit handlers run in registration order, so a hook of ours would run
 * after the token was stored.
 *
 * <h2>At-least-once</h2>
 * Any record that failed, or was not acknowledged within the bound, makes that wait throw; the group's
 * {@code PropagatingErrorHandler} rolls the batch back before its token is stored and the processor retries the
 * whole batch from its first event (after 1, 2, 4 ... 60 s). The token never passes an event that was neither
 * acknowledged nor parked. A mapping failure, a {@code send} that cannot reach the producer, or a record the producer
 * refuses at once (too large, not serialisable) fails the batch right there, before any later event of the batch is
 * handed over. Note that handing a record to the producer can itself block up to the producer's {@code max.block.ms}
 * (60 s by default) while topic metadata or buffer space is missing, which the publish timeout does not cover.
 * Outside a batching unit of work (not expected) each event's records are sent and waited for on their own.
 *
 * <h2>Poison events: transient failures block, permanent ones are parked</h2>
 * Every failure is classified ({@link PublishFailures#isTransient}). A <em>transient</em> one (the broker, the
 * database, the producer, our credentials, our acknowledgement time-out) only fails the batch: the processor retries
 * it for as long as it takes, nothing is parked, nothing lost. A <em>permanent</em> one (the mapper or serialiser
 * throws, the broker refuses the record) is counted, in memory, against the event it belongs to. The batch still
 * fails until an event has failed {@code pledge.messaging.publisher.max-attempts} (3) times; at its next attempt that
 * event is parked <em>before</em> it is mapped or sent: a {@link PublisherDeadLetter} in state {@code FAILED}, with the
 * reason, in {@link PublisherDeadLetters} ({@code publisher_dead_letters}), one WARN log line, and the batch goes on.
 * With the processor's back-off that costs about 1 + 2 + 4 s of stall per poison event. Counts live in this instance
 * only: an instance that takes the segment over starts counting again. Operators list and replay the letters
 * ({@link PublisherDeadLetterReplay}, {@code /ops/dead-letters/outbound}).
 *
 * <h2>Per-key order while a key is parked</h2>
 * The sequence key of an event is its aggregate id (any event of an aggregate, so a case's events), or the event id
 * for an event without an aggregate. While a key has parked letters, every later event of it is parked too, in state
 * {@code WAITING}, without being mapped or sent; events of other keys flow. So a consumer never receives a key's later
 * event before an earlier one that was parked; a replay publishes a key's letters in event order. (The one exception
 * is inherited from sending asynchronously: a record the broker itself refuses after it was handed over can be
 * overtaken by records of the same key handed over after it in the same batch, before it is parked.)
 *
 * <h2>No MongoDB command per event</h2>
 * Which keys are parked is kept in memory ({@link ParkedKeys}): re-read from the store when an event's global index is
 * not the successor of the last one this instance handled (a retried batch, or another instance had the segment), and
 * at most once per {@code pledge.messaging.publisher.parked-keys-refresh-interval} (1 s) otherwise. Only a replay
 * removes letters, so the copy can only wrongly say "parked", never wrongly "free". For an event of a key it believes
 * parked the publisher (a) <em>first</em> stores the event's letter as {@code WAITING}, <em>then</em> looks for an
 * earlier letter of the key (one query); if there is none (a replay drained the key meanwhile) it deletes its letter,
 * forgets the key and publishes the event itself. A replay (b) deletes a letter only after Kafka acknowledged it, and
 * goes on until it finds no letter of the key left. Whatever the interleaving, one of the two sees the new letter: if
 * the replay's last look missed it, the letter was stored after the replay had deleted every earlier letter, so the
 * publisher's own look (which comes after storing it) finds none and publishes. Both may publish it: the same
 * {@code ce_id} twice, which consumers de-duplicate. An event's letter that already exists as {@code FAILED} (parked
 * by an instance before a failover) stays parked.
 *
 * <h2>Order on the wire</h2>
 * The processor has one segment and sends in event order. The producer is idempotent with
 * {@code max.in.flight.requests.per.connection} at most 5, so records of one partition (one key) are written in the
 * order they were sent even when the producer retries a request: the broker accepts each producer's batches only in
 * sequence-number order. When the broker refuses a record after it was handed over, or its delivery timed out,
 * records sent after it in the same batch may already be written; the batch is retried from its first event, so a
 * consumer can see a later event of a key before the first copy of the failed one. Consumers de-duplicate by
 * {@code ce_id}, so the copies change nothing else.
 *
 * <p>Replays are refused ({@link DisallowReplay}): resetting this processor must not re-publish history.
 */
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
@DisallowReplay
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";
    /** The longest reason a dead letter keeps. */
    public static final int REASON_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventPublisher.class);
    private static final String BATCH = IntegrationEventPublisher.class.getName() + ".batch";
    /** Failure counts kept for at most this many events (only events of failing batches are ever counted). */
    private static final int MAX_COUNTED_EVENTS = 10_000;

    /**
     * @param publishTimeout         how long a batch waits, in all, for its records to be acknowledged
     *                               ({@code pledge.messaging.publish-timeout})
     * @param maxAttempts            permanent failures of one event before it is parked
     *                               ({@code pledge.messaging.publisher.max-attempts})
     * @param parkedKeysRefresh      longest time between two reads of the parked keys while events flow in order
     *                               ({@code pledge.messaging.publisher.parked-keys-refresh-interval})
     */
    public record Settings(Duration publishTimeout, int maxAttempts, Duration parkedKeysRefresh) {

        public Settings {
            if (publishTimeout == null || publishTimeout.isNegative() || publishTimeout.isZero()) {
                throw new IllegalArgumentException("pledge.messaging.publish-timeout must be positive");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("pledge.messaging.publisher.max-attempts must be at least 1");
            }
            if (parkedKeysRefresh == null || parkedKeysRefresh.isNegative()) {
                throw new IllegalArgumentException(
                        "pledge.messaging.publisher.parked-keys-refresh-interval must not be negative");
            }
        }

        /** The defaults: 30 s, 3 attempts, 1 s. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(30), 3, Duration.ofSeconds(1));
        }
    }

    private final List<IntegrationEventMapper> mappers;
    private final CloudEventMessageFactory messageFactory;
    private final IntegrationEventSender sender;
    private final PublisherDeadLetters letters;
    private final Settings settings;
    private final Clock clock;
    private final ParkedKeys parkedKeys;
    private final FailedAttempts attempts = new FailedAttempts();

    /**
     * @param letters  where poison events are parked
     * @param clock    measures the acknowledgement wait, stamps the letters
     */
    public IntegrationEventPublisher(List<IntegrationEventMapper> mappers,
                                     CloudEventMessageFactory messageFactory,
                                     IntegrationEventSender sender,
                                     PublisherDeadLetters letters,
                                     Settings settings,
                                     Clock clock) {
        this.mappers = List.copyOf(mappers);
        this.messageFactory = messageFactory;
        this.sender = sender;
        this.letters = letters;
        this.settings = settings;
        this.clock = clock;
        this.parkedKeys = new ParkedKeys(letters::keys, clock, settings.parkedKeysRefresh());
    }

    @EventHandler
    @DisallowReplay
    public void on(Object payload, EventMessage<?> event) {
        Batch batch = BatchEndTasks.gatherer(BATCH, unitOfWork -> new Batch(), Batch::awaitAll);
        if (batch == null) {
            Batch alone = new Batch();
            handle(event, alone);
            alone.awaitAll();
            return;
        }
        handle(event, batch);
    }

    /**
     * Maps and sends one event now and waits for its records to be acknowledged, at most the publish timeout; throws
     * when anything fails (nothing is counted or parked here). For replays of parked events.
     */
    public void publishNow(EventMessage<?> event) {
        Batch alone = new Batch();
        alone.sent.addAll(handOver(event));
        alone.awaitOrThrow();
    }

    private void handle(EventMessage<?> event, Batch batch) {
        Long index = globalIndex(event);
        String key = sequenceKey(event);
        parkedKeys.beforeEvent(index);
        batch.handled.add(event.getIdentifier());
        FailedAttempts.Count failed = attempts.get(event.getIdentifier());
        if (failed != null && failed.times() >= settings.maxAttempts()) {
            park(event, index, key, failed);
            return;
        }
        if (parkedKeys.contains(key) && mustWait(event, index, key)) {
            return;
        }
        try {
            batch.sent.addAll(handOver(event));
        } catch (RefusedAtOnce e) {
            throw failed(event, e.getMessage(), e.getCause());
        } catch (RuntimeException | StackOverflowError e) {
            throw failed(event, "could not map or send " + describe(event), e);
        }
    }

    /** Maps the event and hands its records to the producer; throws at the first thing that fails. */
    private List<Sent> handOver(EventMessage<?> event) {
        List<OutboundIntegrationEvent> outbound = new ArrayList<>();
        for (IntegrationEventMapper mapper : mappers) {
            mapper.map(event).ifPresent(outbound::add);
        }
        List<String> ids = new ArrayList<>();
        List<Message<byte[]>> messages = new ArrayList<>();
        for (int i = 0; i < outbound.size(); i++) {
            // the Axon event id is stable across retries; a second integration event from the same internal
            // event gets a suffix so the ids stay unique
            ids.add(i == 0 ? event.getIdentifier() : event.getIdentifier() + "-" + i);
            messages.add(messageFactory.create(ids.get(i), event.getTimestamp(), outbound.get(i)));
        }
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < outbound.size(); i++) {
            OutboundIntegrationEvent out = outbound.get(i);
            Sent record = new Sent(out.type(), ids.get(i), out.topic(), event.getIdentifier(),
                    sender.send(out.topic(), messages.get(i)));
            if (record.acknowledged().isCompletedExceptionally()) {
                // refused at once (too large, not serialisable): stop before anything later is handed over
                throw new RefusedAtOnce("Kafka did not accept " + record.describe(), causeOf(record.acknowledged()));
            }
            sent.add(record);
        }
        return sent;
    }

    /**
     * The rare path, for an event of a key believed parked: store its letter as waiting first, then look for an earlier
     * letter of the key. None left (a replay drained the key): delete the letter and publish the event after all.
     */
    private boolean mustWait(EventMessage<?> event, Long index, String key) {
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

    private void park(EventMessage<?> event, Long index, String key, FailedAttempts.Count failed) {
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

    /**
     * The exception that fails the batch for a failure of {@code event}: a transient one as is; a permanent one counted
     * against the event first.
     */
    private IntegrationEventPublishingException failed(EventMessage<?> event, String what, Throwable failure) {
        if (PublishFailures.isTransient(failure)) {
            return new TransientPublishingException(what + " (transient: retried until it passes)", failure);
        }
        int times = attempts.failed(event.getIdentifier(), PublishFailures.reason(failure, REASON_LENGTH),
                clock.instant());
        return new IntegrationEventPublishingException(what + " (failed attempt " + times + " of "
                + settings.maxAttempts() + (times >= settings.maxAttempts() ? "; parked at its next attempt)" : ")"),
                failure);
    }

    /** The sequence key: the aggregate id of a domain event, else the event id. */
    static String sequenceKey(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
                ? d.getAggregateIdentifier() : event.getIdentifier();
    }

    static Long globalIndex(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            var position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    private static String describe(EventMessage<?> event) {
        return event.getPayloadType().getSimpleName() + " " + event.getIdentifier();
    }

    private static String position(EventMessage<?> event, Long index) {
        String where = event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
                ? d.getType() + " " + d.getAggregateIdentifier() + " #" + d.getSequenceNumber()
                : "no aggregate";
        return event.getPayloadType().getName() + ", " + where + ", global index " + index;
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.getNow(null);
            return new IllegalStateException("the send future failed without a cause");
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (RuntimeException e) { // cancelled
            return e;
        }
    }

    private record Sent(String type, String id, String topic, String eventId, CompletableFuture<?> acknowledged) {

        String describe() {
            return type + " " + id + " for " + topic;
        }
    }

    /** The events of one batch (or one event) and their records in the order they were sent. */
    private final class Batch {

        private final Set<String> handled = new LinkedHashSet<>();
        private final List<Sent> sent = new ArrayList<>();

        /** Returns when every record was acknowledged; else counts permanent failures per event and throws. */
        void awaitAll() {
            List<Failure> failures = await();
            if (failures.isEmpty()) {
                attempts.forget(handled);
                if (!sent.isEmpty()) {
                    log.debug("Kafka acknowledged {} record(s)", sent.size());
                }
                return;
            }
            Set<String> counted = new LinkedHashSet<>();
            Map<String, Integer> times = new LinkedHashMap<>();
            for (Failure failure : failures) {
                if (failure.cause() != null && !PublishFailures.isTransient(failure.cause())
                        && counted.add(failure.record().eventId())) {
                    times.put(failure.record().eventId(), attempts.failed(failure.record().eventId(),
                            PublishFailures.reason(failure.cause(), REASON_LENGTH), clock.instant()));
                }
            }
            throw exception(failures.get(0), failures, times);
        }

        /** For a replay: nothing is counted. */
        void awaitOrThrow() {
            List<Failure> failures = await();
            if (!failures.isEmpty()) {
                throw exception(failures.get(0), failures, Map.of());
            }
        }

        /** Waits for every record, at most the publish timeout in all; the ones that failed or are still unanswered. */
        private List<Failure> await() {
            Instant deadline = clock.instant().plus(settings.publishTimeout());
            List<Failure> failures = new ArrayList<>();
            for (Sent record : sent) {
                long remaining = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
                try {
                    record.acknowledged().get(remaining, TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    failures.add(new Failure(record, e.getCause() == null ? e : e.getCause()));
                } catch (TimeoutException e) {
                    failures.add(new Failure(record, null));
                } catch (java.util.concurrent.CancellationException e) {
                    failures.add(new Failure(record, e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransientPublishingException(
                            "interrupted waiting for Kafka to acknowledge " + record.describe(), e);
                }
            }
            return failures;
        }

        private IntegrationEventPublishingException exception(Failure first, Collection<Failure> all,
                                                              Map<String, Integer> times) {
            if (first.cause() == null) {
                long unanswered = all.stream().filter(f -> f.cause() == null).count();
                return new TransientPublishingException("Kafka did not acknowledge " + first.record().describe()
                        + " (and " + unanswered + " record(s) of this batch in all) within " + settings.publishTimeout());
            }
            String message = "Kafka did not accept " + first.record().describe();
            if (PublishFailures.isTransient(first.cause())) {
                return new TransientPublishingException(message + " (transient: retried until it passes)",
                        first.cause());
            }
            Integer count = times.get(first.record().eventId());
            return new IntegrationEventPublishingException(count == null ? message : message + " (failed attempt "
                    + count + " of " + settings.maxAttempts()
                    + (count >= settings.maxAttempts() ? "; parked at its next attempt)" : ")"), first.cause());
        }
    }

    /** The producer failed a record's future before {@code send} returned. */
    private static final class RefusedAtOnce extends IntegrationEventPublishingException {
        RefusedAtOnce(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A record that failed ({@code cause}), or was not acknowledged in time ({@code cause} null). */
    private record Failure(Sent record, Throwable cause) {
    }

    /** Permanent failures per event id, in memory, until the event's batch passes. */
    private static final class FailedAttempts {

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

    /** Thrown when a send was not acknowledged or an event could not be mapped; the processor retries the batch. */
    public static class IntegrationEventPublishingException extends RuntimeException {
        public IntegrationEventPublishingException(String message) {
            super(message);
        }

        public IntegrationEventPublishingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A failure that is not the event's fault (our acknowledgement time-out, an interrupt, a transient cause): the
     * batch is retried until it passes and nothing is parked ({@link PublishFailures#isTransient}).
     */
    public static class TransientPublishingException extends IntegrationEventPublishingException {
        public TransientPublishingException(String message) {
            super(message);
        }

        public TransientPublishingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
