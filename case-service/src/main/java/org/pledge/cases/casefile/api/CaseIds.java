package org.pledge.cases.casefile.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/** Case identifiers. */
public final class CaseIds {

    /** The aggregate type of a case's events in the event store ({@code CaseAggregate}'s simple name). */
    public static final String AGGREGATE_TYPE = "CaseAggregate";

    private CaseIds() {
    }

    /** The case an event belongs to: the aggregate id of a case's own event; null for any other event. */
    public static String ofEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain && AGGREGATE_TYPE.equals(domain.getType())
                ? domain.getAggregateIdentifier() : null;
    }

    /**
     * The case id of the follow-up opened for a follow-up request: a name-based UUID of the request id, so a
     * repeated (redelivered) request targets the same aggregate and cannot open a second case.
     */
    public static String forFollowUp(String followUpRequestId) {
        return UUID.nameUUIDFromBytes(("pledge:case:follow-up:" + followUpRequestId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
