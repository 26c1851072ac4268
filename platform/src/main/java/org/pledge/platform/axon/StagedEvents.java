package org.pledge.platform.axon;

import java.util.List;

import jakarta.annotation.Nonnull;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's embedded event store, which also notes in the publishing unit of work that events were staged there, and the
 * last aggregate event staged: for {@link CachedAggregateCheck} (a command decided on a cached aggregate that staged
 * nothing needs checking against the store) and for {@link AggregateVersionOnResult} (the version a command left its
 * aggregate at). The command's own unit of work, not its root: a command sent from an event handler runs nested in the
 * handler's batch, whose other commands must not count.
 */
public final class StagedEvents extends EmbeddedEventStore {

    private static final String STAGED = StagedEvents.class.getName() + ".staged";
    private static final String LAST = StagedEvents.class.getName() + ".last";

    private StagedEvents(Builder builder) {
        super(builder);
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
}
