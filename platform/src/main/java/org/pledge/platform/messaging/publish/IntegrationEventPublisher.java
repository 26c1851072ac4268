package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.pledge.platform.readmodel.EndOfBatch;
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
 * ({@link EndOfBatch}, the platform's interceptor on every processor) the batch waits once for all of them, at most
 * {@code pledge.messaging.publish-timeout} (30 s) in all. It waits there, and not in an {@code onPrepareCommit} hook:
 * the processor's work package registers its token write as the first prepare-commit handler of the unit of work
 * before any event is handled, and prepare-commit handlers run in registration order, so a hook of ours would run
 * after the token was stored.
 *
 * <h2>At-least-once</h2>
 * Any record that failed, or was not acknowledged within the bound, makes that wait throw; the group's
 * {@code PropagatingErrorHandler} rolls the batch back before its token is stored and the processor retries the
 * whole batch from its first event. The token never passes an event whose records were not all acknowledged, and
 * nothing is skipped. A {@code send} that cannot reach the producer at all throws at once (same outcome); note that
 * handing a record to the producer can itself block up to the producer's {@code max.block.ms} (60 s by default) while
 * topic metadata or buffer space is missing, which the publish timeout does not cover. Outside a batching unit of
 * work (not expected) each record is sent and waited for on its own.
 *
 * <h2>Order</h2>
 * The processor has one segment and sends in event order. The producer is idempotent with
 * {@code max.in.flight.requests.per.connection} at most 5, so records of one partition (one key) are written in the
 * order they were sent even when the producer retries a request: the broker accepts each producer's batches only in
 * sequence-number order. What async sends change is the failure case: when a record fails for good (say it is too
 * large for the topic, or its delivery timed out), records sent after it in the same batch may already be written, or
 * may still be written, because they were handed to the producer before the failure was known. The batch is then
 * retried from its first event, so every record is written again after the failed one is, but a consumer can see a
 * later event of a key before the first copy of the failed one (with synchronous sends nothing after a failed record
 * was sent before it succeeded). Consumers de-duplicate by {@code ce_id}, so the copies change nothing else.
 *
 * <p>Replays are refused ({@link DisallowReplay}): resetting this processor must not re-publish history.
 */
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
@DisallowReplay
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventPublisher.class);
    private static final String PENDING = IntegrationEventPublisher.class.getName() + ".pending";

    private final List<IntegrationEventMapper> mappers;
    private final CloudEventMessageFactory messageFactory;
    private final IntegrationEventSender sender;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param timeout how long the batch waits, in all, for its records to be acknowledged
     *                ({@code pledge.messaging.publish-timeout})
     * @param clock   measures that wait
     */
    public IntegrationEventPublisher(List<IntegrationEventMapper> mappers,
                                     CloudEventMessageFactory messageFactory,
                                     IntegrationEventSender sender,
                                     Duration timeout,
                                     Clock clock) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("pledge.messaging.publish-timeout must be positive");
        }
        this.mappers = List.copyOf(mappers);
        this.messageFactory = messageFactory;
        this.sender = sender;
        this.timeout = timeout;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    public void on(Object payload, EventMessage<?> event) {
        Pending pending = EndOfBatch.gatherer(PENDING, unitOfWork -> new Pending(), Pending::awaitAll);
        if (pending == null) {
            Pending alone = new Pending();
            send(event, alone);
            alone.awaitAll();
            return;
        }
        send(event, pending);
    }

    private void send(EventMessage<?> event, Pending pending) {
        List<OutboundIntegrationEvent> outbound = new ArrayList<>();
        for (IntegrationEventMapper mapper : mappers) {
            mapper.map(event).ifPresent(outbound::add);
        }
        for (int i = 0; i < outbound.size(); i++) {
            // the Axon event id is stable across retries; a second integration event from the same internal
            // event gets a suffix so the ids stay unique
            String id = i == 0 ? event.getIdentifier() : event.getIdentifier() + "-" + i;
            OutboundIntegrationEvent out = outbound.get(i);
            Message<byte[]> message = messageFactory.create(id, event.getTimestamp(), out);
            pending.add(new Sent(out.type(), id, out.topic(), sender.send(out.topic(), message)));
        }
    }

    private record Sent(String type, String id, String topic, CompletableFuture<?> acknowledged) {

        String describe() {
            return type + " " + id + " for " + topic;
        }
    }

    /** The records of one batch (or one event) in the order they were sent. */
    private final class Pending {

        private final List<Sent> sent = new ArrayList<>();

        void add(Sent record) {
            sent.add(record);
        }

        /** Returns when every record was acknowledged; throws at the first failed one, or when time is up. */
        void awaitAll() {
            Instant deadline = clock.instant().plus(timeout);
            for (Sent record : sent) {
                long remaining = Math.max(0, Duration.between(clock.instant(), deadline).toNanos());
                try {
                    record.acknowledged().get(remaining, TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    throw new IntegrationEventPublishingException(
                            "Kafka did not accept " + record.describe(), e.getCause());
                } catch (TimeoutException e) {
                    throw new IntegrationEventPublishingException("Kafka did not acknowledge " + record.describe()
                            + " (and " + unacknowledged() + " record(s) of this batch in all) within " + timeout, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IntegrationEventPublishingException(
                            "interrupted waiting for Kafka to acknowledge " + record.describe(), e);
                }
            }
            if (!sent.isEmpty()) {
                log.debug("Kafka acknowledged {} record(s)", sent.size());
            }
        }

        private long unacknowledged() {
            return sent.stream().filter(s -> !s.acknowledged().isDone()
                    || s.acknowledged().isCompletedExceptionally()).count();
        }
    }

    /** Thrown when a send was not acknowledged; the processor retries the batch. */
    public static class IntegrationEventPublishingException extends RuntimeException {
        public IntegrationEventPublishingException(String message) {
            super(message);
        }

        public IntegrationEventPublishingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
