package org.pledge.platform.axon;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Nonnull;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's embedded event store, which also notes in the publishing unit of work that events were staged there, and the
 * last aggregate event staged: for {@link CachedRejectionGuard} (a command decided on a cached aggregate that staged
 * nothing needs checking against the store) and for {@link AggregateVersionOnResult} (the version a command left its
 * aggregate at). The command's own unit of work, not its root: a command sent from an event handler runs nested in the
 * handler's batch, whose other commands must not count.
 *
 * <p>Its streams can also tell their readers when events may be available ({@link AvailabilityNotifyingStream}): every
 * {@value #IDLE_WAKE_MILLIS} ms (what a pooled streaming processor's coordinator does by itself when it found nothing),
 * and at once when a caller is about to wait for what processors make of its write ({@link #wakeReaders}, called by
 * {@link VersionedCommandGateway}): so a write whose response waits for its read model is handled within milliseconds,
 * while other writes (sweeps, consumers, a batch job) are still handled in the large batches the coordinator's pace
 * gathers (one token write and one read-model write per batch, not per event). Wakes are at least
 * {@code pledge.axon.processor-wake-interval} apart: under many waiting writes, the first wakes the readers at once and
 * the ones that follow within the interval are woken for together at its end.
 */
public final class StageRecordingEventStore extends EmbeddedEventStore {

    private static final String STAGED = StageRecordingEventStore.class.getName() + ".staged";
    private static final String LAST = StageRecordingEventStore.class.getName() + ".last";
    /** How often idle readers are woken for events another instance appended (the coordinator's own idle look). */
    static final long IDLE_WAKE_MILLIS = 500;

    private final Set<AvailabilityNotifyingStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService idleWake = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-stream-idle-wake");
        thread.setDaemon(true);
        return thread;
    });

    private final long wakeIntervalNanos;
    /** When readers were last woken after a commit ({@link System#nanoTime()}). */
    private long lastWake = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private boolean wakeScheduled;

    private StageRecordingEventStore(Builder builder, java.time.Duration wakeInterval) {
        super(builder);
        this.wakeIntervalNanos = wakeInterval.toNanos();
        idleWake.scheduleWithFixedDelay(() -> wakeAll(false), IDLE_WAKE_MILLIS, IDLE_WAKE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** An event store that marks units of work with staged events; {@code builder} as for Axon's; no wake interval. */
    public static StageRecordingEventStore eventStore(Builder builder) {
        return new StageRecordingEventStore(builder, java.time.Duration.ZERO);
    }

    /**
     * As {@link #eventStore(Builder)}, waking readers on demand at most once per {@code wakeInterval}
     * ({@code pledge.axon.processor-wake-interval}).
     */
    public static StageRecordingEventStore eventStore(Builder builder, java.time.Duration wakeInterval) {
        return new StageRecordingEventStore(builder, wakeInterval);
    }

    /** Whether any event was published in {@code unitOfWork} itself so far. */
    public static boolean any(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(STAGED);
    }

    /** The last aggregate event published in {@code unitOfWork} itself, if any: its aggregate and sequence number. */
    public static AggregateVersion last(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getResource(LAST);
    }

    @Override
    public void publish(@Nonnull List<? extends EventMessage<?>> events) {
        if (!events.isEmpty() && CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            unitOfWork.resources().put(STAGED, Boolean.TRUE);
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                    unitOfWork.resources().put(LAST,
                            new AggregateVersion(domain.getAggregateIdentifier(), domain.getSequenceNumber()));
                }
            }
        }
        super.publish(events);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        AvailabilityNotifyingStream[] opened = new AvailabilityNotifyingStream[1];
        opened[0] = new AvailabilityNotifyingStream(super.openStream(trackingToken), () -> streams.remove(opened[0]));
        streams.add(opened[0]);
        return opened[0];
    }

    /**
     * Wakes every reader at once (or at the end of the current wake interval): a caller has just committed events and
     * is about to wait for what processors make of them.
     */
    public void wakeReaders() {
        long delay;
        synchronized (this) {
            if (wakeScheduled) {
                return; // a wake is due already and will see these events too
            }
            long now = System.nanoTime();
            delay = lastWake + wakeIntervalNanos - now;
            if (delay <= 0) {
                lastWake = now;
            } else {
                wakeScheduled = true;
            }
        }
        if (delay <= 0) {
            wakeAll(true);
        } else {
            idleWake.schedule(this::scheduledWake, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void scheduledWake() {
        synchronized (this) {
            wakeScheduled = false;
            lastWake = System.nanoTime();
        }
        wakeAll(true);
    }

    @Override
    public void shutDown() {
        idleWake.shutdownNow();
        super.shutDown();
    }

    private void wakeAll(boolean afterCommit) {
        for (AvailabilityNotifyingStream stream : streams) {
            try {
                stream.wake(afterCommit);
            } catch (RuntimeException e) {
                // a reader's callback failing must not fail the commit that woke it; it looks again on its own schedule
            }
        }
    }
}
