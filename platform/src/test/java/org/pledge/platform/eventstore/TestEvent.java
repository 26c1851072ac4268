package org.pledge.platform.eventstore;

/** Payload used by the event store tests. */
public record TestEvent(String aggregateId, long sequence, String writer) {
}
