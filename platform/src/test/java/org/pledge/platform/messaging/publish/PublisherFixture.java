package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.pledge.contracts.CloudEventHeaders;
import org.pledge.platform.readmodel.BatchEndTasks;
import org.pledge.testsupport.time.MutableClock;
import org.springframework.messaging.Message;

/**
 * A publisher as the platform wires it, on a real (in-memory) MongoDB, with a fake sender whose acknowledgements the
 * test decides and a mapper that fails for the cases the test names.
 */
final class PublisherFixture {

    /** An internal event; "data" only to make the record non-trivial. */
    record Happened(String caseId, int number) {
    }

    record Send(String topic, Message<byte[]> message, CompletableFuture<Object> acknowledged) {

        String ceId() {
            return (String) message.getHeaders().get(CloudEventHeaders.ID);
        }

        String subject() {
            return (String) message.getHeaders().get(CloudEventHeaders.SUBJECT);
        }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final List<Send> sends = new CopyOnWriteArrayList<>();
    /** The mapper throws for these cases: a permanent failure, like a case without its submission. */
    final Set<String> unmappable = ConcurrentHashMap.newKeySet();
    /** How often the mapper was asked to map an event of an unmappable case. */
    final AtomicInteger unmappableMapped = new AtomicInteger();
    /** Each send's acknowledgement, given the send (already added to {@link #sends}). */
    volatile Function<Send, CompletableFuture<Object>> acks = s -> CompletableFuture.completedFuture("ok");
    /** Thrown by the mapper when set: a failure of the mapper's own infrastructure. */
    volatile RuntimeException mapperFailure;
    final PublisherDeadLetters letters;

    PublisherFixture(MongoDatabase database) {
        this.letters = new PublisherDeadLetters(database);
        letters.ensureIndexes();
    }

    IntegrationEventMapper mapper() {
        return event -> {
            if (!(event.getPayload() instanceof Happened h)) {
                return Optional.empty();
            }
            if (mapperFailure != null) {
                throw mapperFailure;
            }
            if (unmappable.contains(h.caseId())) {
                unmappableMapped.incrementAndGet();
                throw new IllegalStateException("no submission for case " + h.caseId());
            }
            return Optional.of(OutboundIntegrationEvent.of("pledge.test.v1", "pledge.test.happened.v1", h.caseId(), h));
        };
    }

    IntegrationEventSender sender() {
        return (topic, message) -> {
            CompletableFuture<Object> future = new CompletableFuture<>();
            Send send = new Send(topic, message, future);
            sends.add(send);
            acks.apply(send).whenComplete((ok, failure) -> {
                if (failure != null) {
                    future.completeExceptionally(failure);
                } else {
                    future.complete(ok);
                }
            });
            return future;
        };
    }

    IntegrationEventPublisher publisher() {
        return publisher(IntegrationEventPublisher.Settings.defaults(), clock);
    }

    IntegrationEventPublisher publisher(IntegrationEventPublisher.Settings settings, Clock clock) {
        return new IntegrationEventPublisher(List.of(mapper()),
                new CloudEventMessageFactory(new ObjectMapper(), "unit-test"), sender(), letters, settings, clock);
    }

    static IntegrationEventPublisher.Settings timeout(Duration publishTimeout) {
        return new IntegrationEventPublisher.Settings(publishTimeout, 3, Duration.ofSeconds(1));
    }

    /** Event {@code index} of the store: event {@code sequence} of case {@code caseId}. */
    static TrackedEventMessage<?> event(long index, String caseId, long sequence) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(index),
                new GenericDomainEventMessage<>("TestCase", caseId, sequence, new Happened(caseId, (int) sequence)));
    }

    /** The outcome of one batch: its result, and whether its token was stored. */
    record Outcome(ResultMessage<?> result, boolean tokenStored) {

        boolean failed() {
            return result.isExceptional();
        }

        Throwable failure() {
            return result.exceptionResult();
        }
    }

    /** Runs the batch the way a pooled streaming work package does: token write registered first, in prepare-commit. */
    static Outcome processBatch(IntegrationEventPublisher publisher, List<? extends EventMessage<?>> events) {
        List<Boolean> stored = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        batch.onPrepareCommit(u -> stored.add(true));
        ResultMessage<?> result = batch.executeWithResult(() -> new BatchEndTasks().handle(batch, () -> {
            EventMessage<?> event = batch.getMessage();
            publisher.on(event.getPayload(), event);
            return null;
        }));
        return new Outcome(result, !stored.isEmpty());
    }

    List<String> sentSubjects() {
        return sends.stream().map(Send::subject).toList();
    }
}
