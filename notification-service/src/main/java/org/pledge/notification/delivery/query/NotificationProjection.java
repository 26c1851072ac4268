package org.pledge.notification.delivery.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.NotificationStatus;
import org.springframework.stereotype.Component;

/** Keeps {@link Notifications} in step with the notifications' events; idempotent, so a replay rebuilds it. */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
class NotificationProjection {

    static final String GROUP = "notifications";

    private final Notifications notifications;

    NotificationProjection(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventHandler
    void on(NotificationRequestedEvent event, @SequenceNumber long sequence) {
        notifications.apply(event.notificationId(), sequence,
                current -> NotificationDocument.requested(event, NotificationStatus.PENDING.name(), sequence));
    }

    @ResetHandler
    void reset() {
        notifications.deleteAll();
    }
}
