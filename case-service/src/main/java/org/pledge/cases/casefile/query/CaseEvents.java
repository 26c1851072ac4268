package org.pledge.cases.casefile.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.pledge.cases.casefile.api.CaseIds;

/** Which case an event of the event store belongs to (the read models' key). */
final class CaseEvents {

    private CaseEvents() {
    }

    /** The case an event belongs to: the aggregate id of a case's own event; null for any other event. */
    static String caseIdOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain && CaseIds.AGGREGATE_TYPE.equals(domain.getType())
                ? domain.getAggregateIdentifier() : null;
    }
}
