package org.pledge.notification.delivery.integration;

import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.pledge.contracts.EventType;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.notification.NotificationDeliveredV1;
import org.pledge.contracts.notification.NotificationFailedV1;
import org.pledge.notification.delivery.api.NotificationAbandonedEvent;
import org.pledge.notification.delivery.api.NotificationDeliveredEvent;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.OutboundIntegrationEvent;
import org.springframework.stereotype.Component;

/**
 * Maps the notification's final events to the {@code pledge.notification.v1} contract, keyed by case id (a case's
 * notifications stay in order): {@link NotificationDeliveredEvent} → {@code delivered}, {@link NotificationAbandonedEvent}
 * → {@code failed}. A pure function of the event (each carries every field its contract needs), so a retry or a replay
 * of the publisher publishes the same data. Never an address, a text or a provider's id.
 */
@Component
class NotificationIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof NotificationDeliveredEvent e) {
            return out(EventTypes.NOTIFICATION_DELIVERED, e.caseId(), new NotificationDeliveredV1(e.notificationId(), e.caseId(),
                    e.recipientRef(), e.ruleId(), e.templateId(), e.sourceEventType(), e.channel().name(), e.language(), e.at()));
        }
        if (payload instanceof NotificationAbandonedEvent e) {
            return out(EventTypes.NOTIFICATION_FAILED, e.caseId(), new NotificationFailedV1(e.notificationId(), e.caseId(),
                    e.recipientRef(), e.ruleId(), e.templateId(), e.sourceEventType(), e.lastChannel() == null ? null : e.lastChannel().name(),
                    e.channelsTried().stream().map(Enum::name).toList(), e.reason(), e.at()));
        }
        return Optional.empty();
    }

    private static Optional<OutboundIntegrationEvent> out(EventType type, String caseId, Object data) {
        return Optional.of(OutboundIntegrationEvent.of(type.topic(), type.name(), caseId, data));
    }
}
