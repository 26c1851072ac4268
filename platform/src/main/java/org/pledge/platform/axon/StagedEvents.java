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
 * last aggregate event staged: for {@link CachedAggregateCheck} (a command decided on a cached aggregate that staged
 * nothing needs checking against the store) and for {@link AggregateVersionOnResult} (the version a command left its
 * aggregate at). The command's own unit of work, not its root: a command sent from an event handler runs nested in the
 * handler's batch, whose other commands must not count.
 *
 * <p>Its streams also tell their readers when events may be available ({@link AvailabilityNotifyingStream}): after each
 * commit of this instance at once, and every {@value #IDLE_WAKE_MILLIS} ms otherwise, so an idle pooled streaming
 * processor handles a new event within milliseconds instead of at its coordinator's next 500 ms look.
 */
public final class StagedEvents extends EmbeddedEventStore {

    private static final String STAGED = StagedEvents.class.getName() + ".staged";
    private static final String LAST = StagedEvents.class.getName() + ".last";
    /** How often idle readers are woken for events another instance appended (the coordinator's own idle look). */
    static final long IDLE_WAKE_MILLIS = 500;

    private final Set<AvailabilityNotifyingStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService idleWake = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-stream-idle-wake");
        thread.setDaemon(true);
        return thread;
    });

    private StagedEvents(Builder builder) {
        super(builder);
        idleWake.scheduleWithFixedDelay(() -> wakeAll(false), IDLE_WAKE_MILLIS, IDLE_WAKE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** An event store that marks units of work with staged events; {@code builder} as for Axon's. */
    public static StagedEvents eventStore(Builder builder) {
        return new StagedEvents(builder);
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

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events); // wakes the store's producer, which fetches the new events
        wakeAll(true);
    }

    @Override
    public void shutDown() {
        idleWake.shutdownNow();
        super.shutDown();
    }

    private void wakeAll(boolean committedHere) {
        for (AvailabilityNotifyingStream stream : streams) {
            try {
                stream.wake(committedHere);
            } catch (RuntimeException e) {
                // a reader's callback failing must not fail the commit that woke it; it looks again on its own schedule
            }
        }
    }
}
