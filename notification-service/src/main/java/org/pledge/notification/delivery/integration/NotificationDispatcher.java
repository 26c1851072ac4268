package org.pledge.notification.delivery.integration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.springframework.stereotype.Component;

/**
 * Sends each requested notification as soon as it is stored ({@link DeliveryAttempts}). The processor's token passes
 * the request only once its first attempt's outcome is recorded; after a crash the request comes again, and the
 * notification's lease keeps it from a second attempt while the first may still be under way: once the lease ran out
 * the sweep ({@link NotificationSweep}) attempts it again, saying it may have been sent. A replay is refused: it would
 * find every notification done, but must never be the reason for a message.
 */
@Component
@ProcessingGroup(NotificationDispatcher.GROUP)
@DisallowReplay
class NotificationDispatcher {

    static final String GROUP = "notification-dispatch";

    private final DeliveryAttempts attempts;

    NotificationDispatcher(DeliveryAttempts attempts) {
        this.attempts = attempts;
    }

    @EventHandler
    void on(NotificationRequestedEvent event) {
        attempts.due(event.notificationId(), event.recipientRef());
    }
}
