package org.pledge.platform.axon;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;

/**
 * An event stream of Axon's embedded event store that can tell its reader when events may have become available
 * ({@link #setOnAvailableCallback}), which Axon's own stream cannot. Without it a pooled streaming processor's
 * coordinator that found no events looks again only 500 ms later, so an event written while a processor is idle
 * reaches its read model up to half a second late, and a write waiting for its read model (ADR 0007) would wait that
 * long.
 *
 * <p>{@link StageRecordingEventStore} wakes every such stream when a caller is about to wait for processors ({@link
 * StageRecordingEventStore#wakeReaders}), and every {@value StageRecordingEventStore#IDLE_WAKE_MILLIS} ms otherwise (for events another instance
 * appended, which the store's producer fetches on its own schedule). After a demanded wake the next
 * {@link #hasNextAvailable()} waits up to {@value #WAKE_WAIT_MILLIS} ms for the store's producer to hand the new events
 * over, so the reader does not look a moment too early and go back to sleep.
 */
final class AvailabilityNotifyingStream implements TrackingEventStream {

    /** How long the first look after a wake may wait for the producer to hand new events over. */
    static final int WAKE_WAIT_MILLIS = 50;

    private final TrackingEventStream delegate;
    private final Runnable onClose;
    private volatile Runnable callback;
    private volatile boolean woken;

    AvailabilityNotifyingStream(TrackingEventStream delegate, Runnable onClose) {
        this.delegate = delegate;
        this.onClose = onClose;
    }

    /** Events may be available: call the reader back; after a commit, let its next look wait briefly for them. */
    void wake(boolean afterCommit) {
        Runnable reader = callback;
        if (reader != null) {
            if (afterCommit) {
                woken = true;
            }
            reader.run();
        }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.callback = callback;
        return true;
    }

    @Override
    public boolean hasNextAvailable() {
        if (woken) {
            woken = false;
            try {
                return delegate.hasNextAvailable(WAKE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return delegate.hasNextAvailable();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        return delegate.hasNextAvailable(timeout, unit);
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return delegate.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        return delegate.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
        onClose.run();
        delegate.close();
    }
}
