package org.pledge.platform.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.pledge.platform.readmodel.EndOfBatch;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.CloudEventHeaders;
import org.pledge.platform.messaging.publish.IntegrationEventPublisher.IntegrationEventPublishingException;
import org.springframework.messaging.Message;

class IntegrationEventPublisherTest {

    record Happened(String caseId) {
    }

    record Send(String topic, Message<byte[]> message, CompletableFuture<Object> acknowledged) {
    }

    private final List<Send> sends = new CopyOnWriteArrayList<>();

    private IntegrationEventPublisher publisher(Duration timeout, Function<Integer, CompletableFuture<Object>> ack) {
        IntegrationEventMapper mapper = event -> event.getPayload() instanceof Happened h
                ? Optional.of(OutboundIntegrationEvent.of("pledge.test.v1", "pledge.test.happened.v1", h.caseId(), h))
                : Optional.empty();
        IntegrationEventSender sender = (topic, message) -> {
            CompletableFuture<Object> future = ack.apply(sends.size());
            sends.add(new Send(topic, message, future));
            return future;
        };
        return new IntegrationEventPublisher(List.of(mapper),
                new CloudEventMessageFactory(new ObjectMapper(), "unit-test"), sender, timeout, Clock.systemUTC());
    }

    private static List<EventMessage<?>> events(int n) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(GenericEventMessage.asEventMessage(new Happened("case-" + i)));
        }
        return events;
    }

    /** Runs the batch the way a pooled streaming work package does: token write registered first, in prepare-commit. */
    private static ResultMessage<?> processBatch(IntegrationEventPublisher publisher, List<EventMessage<?>> events,
                                                 Runnable storeToken) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.onPrepareCommit(u -> storeToken.run());
        return batch.executeWithResult(() -> new EndOfBatch().handle(batch, () -> {
            EventMessage<?> event = batch.getMessage();
            publisher.on(event.getPayload(), event);
            return null;
        }));
    }

    @Test
    void batch_sendsEveryRecordFirst_thenWaitsOnce_beforeTheTokenIsStored() {
        int size = 50;
        // nothing is acknowledged before the whole batch was handed over: a handler that waited earlier would time out
        IntegrationEventPublisher publisher = publisher(Duration.ofSeconds(10), n -> {
            CompletableFuture<Object> future = new CompletableFuture<>();
            if (n == size - 1) {
                CompletableFuture.runAsync(() -> sends.forEach(s -> s.acknowledged().complete("ok")),
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            }
            return future;
        });
        List<Boolean> allAcknowledgedAtTokenWrite = new ArrayList<>();

        ResultMessage<?> result = processBatch(publisher, events(size), () -> allAcknowledgedAtTokenWrite.add(
                sends.size() == size && sends.stream().allMatch(s -> s.acknowledged().isDone())));

        assertThat(result.isExceptional()).as("%s", result.optionalExceptionResult()).isFalse();
        assertThat(allAcknowledgedAtTokenWrite).containsExactly(true);
        assertThat(sends).extracting(s -> s.message().getHeaders().get(CloudEventHeaders.SUBJECT))
                .containsExactlyElementsOf(events(size).stream().map(e -> ((Happened) e.getPayload()).caseId()).toList());
    }

    @Test
    void oneFailedRecord_failsTheWholeBatch_andTheTokenIsNotStored() {
        IntegrationEventPublisher publisher = publisher(Duration.ofSeconds(10), n -> n == 1
                ? CompletableFuture.failedFuture(new RecordTooLargeException("too large for the topic"))
                : CompletableFuture.completedFuture("ok"));
        AtomicBoolean tokenStored = new AtomicBoolean();

        ResultMessage<?> result = processBatch(publisher, events(3), () -> tokenStored.set(true));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(IntegrationEventPublishingException.class)
                .hasCauseInstanceOf(RecordTooLargeException.class);
        assertThat(sends).hasSize(3);
        assertThat(tokenStored).isFalse();
    }

    @Test
    void recordNotAcknowledgedWithinTheTimeout_failsTheBatch_andTheTokenIsNotStored() {
        IntegrationEventPublisher publisher = publisher(Duration.ofMillis(300), n -> n == 0
                ? CompletableFuture.completedFuture("ok")
                : new CompletableFuture<>());
        AtomicBoolean tokenStored = new AtomicBoolean();

        ResultMessage<?> result = processBatch(publisher, events(3), () -> tokenStored.set(true));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(IntegrationEventPublishingException.class)
                .hasMessageContaining("did not acknowledge").hasMessageContaining("2 record(s)")
                .hasMessageContaining("PT0.3S");
        assertThat(tokenStored).isFalse();
    }

    @Test
    void outsideAUnitOfWork_eachRecordIsSentAndWaitedFor() {
        IntegrationEventPublisher publisher = publisher(Duration.ofSeconds(10), n -> n == 0
                ? CompletableFuture.supplyAsync(() -> "ok", CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                : CompletableFuture.failedFuture(new RecordTooLargeException("too large for the topic")));
        EventMessage<?> first = events(1).get(0);

        publisher.on(first.getPayload(), first);

        assertThat(sends.get(0).acknowledged()).isCompleted();
        EventMessage<?> second = events(1).get(0);
        assertThatThrownBy(() -> publisher.on(second.getPayload(), second))
                .isInstanceOf(IntegrationEventPublishingException.class)
                .hasCauseInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void timeout_mustBePositive() {
        assertThatThrownBy(() -> publisher(Duration.ZERO, n -> new CompletableFuture<>()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
