package org.pledge.platform.messaging.publish;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;

/**
 * Declared as a bean by a service: maps its internal events to contract records. The platform's
 * {@link IntegrationEventPublisher} (processing group {@code integration-publisher}) calls every mapper for every
 * event in the service's event store and publishes what they return. Events a mapper does not know map to
 * {@link Optional#empty()}. A mapper must be a pure function of the event: it runs again when a send is retried.
 */
@FunctionalInterface
public interface IntegrationEventMapper {

    Optional<OutboundIntegrationEvent> map(EventMessage<?> event);
}
