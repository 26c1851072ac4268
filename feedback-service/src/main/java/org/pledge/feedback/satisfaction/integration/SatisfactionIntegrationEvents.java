package org.pledge.feedback.satisfaction.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.feedback.SatisfactionAlertV1;
import org.pledge.contracts.feedback.SatisfactionRecoveredV1;
import org.pledge.feedback.satisfaction.api.SatisfactionAlertRaisedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionRecoveredEvent;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * Maps a watch's alert events to {@code pledge.feedback.v1}, keyed (and subject) by service type, so that a service
 * type's alerts and recoveries stay in order: {@link SatisfactionAlertRaisedEvent} → {@code satisfaction-alert},
 * {@link SatisfactionRecoveredEvent} → {@code satisfaction-recovered}. A pure function of the event.
 */
@Component
class SatisfactionIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof SatisfactionAlertRaisedEvent e) {
            return Optional.of(OutboundIntegrationEvent.of(EventTypes.FEEDBACK_SATISFACTION_ALERT.topic(),
                    EventTypes.FEEDBACK_SATISFACTION_ALERT.name(), e.serviceType(),
                    new SatisfactionAlertV1(e.alertId(), e.serviceType(), e.csat(), e.threshold(), e.answers(), e.basis(), e.raisedAt())));
        }
        if (payload instanceof SatisfactionRecoveredEvent e) {
            return Optional.of(OutboundIntegrationEvent.of(EventTypes.FEEDBACK_SATISFACTION_RECOVERED.topic(),
                    EventTypes.FEEDBACK_SATISFACTION_RECOVERED.name(), e.serviceType(),
                    new SatisfactionRecoveredV1(e.alertId(), e.serviceType(), e.csat(), e.threshold(), e.answers(), e.basis(),
                            e.recoveredAt())));
        }
        return Optional.empty();
    }
}
