package org.pledge.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event store's streams call their reader back when a writer is about to wait for processors, and the reader's
 * next look finds the new events:
 * what a pooled streaming processor's coordinator needs to handle an event at once instead of at its next 500 ms look.
 */
class AvailabilityNotifyingStreamTest {

    private final StageRecordingEventStore store = StageRecordingEventStore.eventStore(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void aWake_afterACommit_callsTheReaderBack_andItsNextLookFindsTheEvent() throws Exception {
        store.publish(new GenericDomainEventMessage<>("Counter", "c-1", 0, "first"));
        TrackingEventStream stream = store.openStream(store.createTailToken());
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        assertThat(stream.hasNextAvailable()).isFalse();

        CountDownLatch calledBack = new CountDownLatch(1);
        assertThat(stream.setOnAvailableCallback(calledBack::countDown)).isTrue();
        DefaultUnitOfWork.startAndGet(null).execute(() ->
                store.publish(new GenericDomainEventMessage<>("Counter", "c-1", 1, "second")));
        store.wakeReaders();

        assertThat(calledBack.await(5, TimeUnit.SECONDS)).isTrue();
        // the first look after the wake waits for the store's producer to hand the event over
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        stream.close();
    }

    @Test
    void aClosedStream_isNotCalledBackAnyMore() {
        TrackingEventStream stream = store.openStream(store.createTailToken());
        AtomicInteger calls = new AtomicInteger();
        stream.setOnAvailableCallback(calls::incrementAndGet);
        stream.close();

        DefaultUnitOfWork.startAndGet(null).execute(() ->
                store.publish(new GenericDomainEventMessage<>("Counter", "c-2", 0, "after close")));
        store.wakeReaders();

        assertThat(calls).hasValue(0);
    }
}
