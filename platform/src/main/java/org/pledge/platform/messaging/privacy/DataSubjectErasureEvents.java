package org.pledge.platform.messaging.privacy;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.privacy.DataSubjectErasedV1;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.pledge.platform.privacy.api.DataSubjectErasedEvent;
import org.pledge.platform.privacy.api.RequestedThrough;

/**
 * Publishes this service's erasures as {@code pledge.privacy.data-subject-erased.v1} on {@code pledge.privacy.v1}, keyed
 * by the subject reference, through the platform's integration publisher (the event store is the outbox): those
 * requested through this service's API or retention, never one received from another service.
 */
public class DataSubjectErasureEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        if (!(event.getPayload() instanceof DataSubjectErasedEvent erased) || !RequestedThrough.publishes(erased.requestedThrough())) {
            return Optional.empty();
        }
        return Optional.of(OutboundIntegrationEvent.of(EventTypes.PRIVACY_DATA_SUBJECT_ERASED.topic(),
                EventTypes.PRIVACY_DATA_SUBJECT_ERASED.name(), erased.subjectRef(),
                new DataSubjectErasedV1(erased.subjectRef(), erased.erasedAt(), erased.reason())));
    }
}
