package org.pledge.notification.delivery.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.notification.delivery.api.DeliveryAttemptFailedEvent;
import org.pledge.notification.delivery.api.DeliveryAttemptStartedEvent;
import org.pledge.notification.delivery.api.NotificationAbandonedEvent;
import org.pledge.notification.delivery.api.NotificationDeliveredEvent;
import org.pledge.notification.delivery.api.NotificationPlannedEvent;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.NotificationSentEvent;
import org.pledge.notification.delivery.api.NotificationStatus;
import org.pledge.notification.delivery.api.NotificationWaitingForContactEvent;
import org.pledge.notification.delivery.integration.DeliveryProperties;
import org.pledge.notification.delivery.query.NotificationDocument.Attempt;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Notifications} in step with the notifications' events, history and schedule included; idempotent, so a
 * replay rebuilds it. When a notification is next due ({@code nextCheckAt}): the lease's end while an attempt is under
 * way, the retry time after a temporary failure or a missing contact, the receipt's deadline once sent; never once
 * final. A new request and the next channel after a channel failed for good are taken up at once by whoever caused
 * them (the dispatcher, the attempt's own loop, the receipt): for the sweep they come due one lease later, as a
 * safety net, so that it does not race them for the same attempt.
 */
@Component
@ProcessingGroup(Notifications.PROJECTION_GROUP)
class NotificationProjection {

    private final Notifications notifications;
    private final Duration grace;

    NotificationProjection(Notifications notifications, DeliveryProperties properties) {
        this.notifications = notifications;
        this.grace = properties.lease();
    }

    @EventHandler
    void on(NotificationRequestedEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, current -> NotificationDocument.requested(e, e.requestedAt().plus(grace),
                sequence));
    }

    @EventHandler
    void on(NotificationWaitingForContactEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, n -> n == null ? null : n.with(NotificationStatus.WAITING_FOR_CONTACT,
                n.channel(), n.language(), "no-contact", n.channels(), n.attempts(), e.at(), e.retryAt(), sequence));
    }

    @EventHandler
    void on(NotificationPlannedEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, n -> n == null ? null : n.with(NotificationStatus.REQUESTED, n.channel(),
                e.language(), n.reason(), e.channels().stream().map(Enum::name).toList(), n.attempts(), e.at(), e.at().plus(grace), sequence));
    }

    @EventHandler
    void on(DeliveryAttemptStartedEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, n -> {
            if (n == null) {
                return null;
            }
            List<Attempt> attempts = new ArrayList<>(n.attempts() == null ? List.of() : n.attempts());
            attempts.add(new Attempt(e.channel().name(), e.attempt(), e.mayHaveBeenSent(), e.at(), null, null, 0, null));
            return n.with(NotificationStatus.SENDING, e.channel().name(), n.language(), n.reason(), n.channels(), List.copyOf(attempts),
                    e.at(), e.leaseUntil(), sequence);
        });
    }

    @EventHandler
    void on(NotificationSentEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, n -> n == null ? null : n.with(NotificationStatus.SENT, n.channel(), e.language(),
                n.reason(), n.channels(), ended(n, "SENT", null, e.templateVersion(), e.at()), e.at(), e.receiptDueAt(), sequence));
    }

    @EventHandler
    void on(DeliveryAttemptFailedEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, n -> {
            if (n == null) {
                return null;
            }
            String outcome = e.channelFailed() ? "PERMANENT_FAILURE" : "TEMPORARY_FAILURE";
            NotificationStatus status = e.channelFailed() ? NotificationStatus.REQUESTED : NotificationStatus.RETRYING;
            return n.with(status, n.channel(), n.language(), e.reason(), n.channels(), ended(n, outcome, e.reason(), e.templateVersion(), e.at()),
                    e.at(), e.channelFailed() ? e.at().plus(grace) : e.retryAt(), sequence);
        });
    }

    @EventHandler
    void on(NotificationDeliveredEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, n -> {
            if (n == null) {
                return null;
            }
            Attempt last = n.lastAttempt();
            // delivered by the sender's answer ends the attempt; by a receipt, the attempt ended as SENT already
            List<Attempt> attempts = last != null && last.outcome() == null
                    ? ended(n, "DELIVERED", null, e.templateVersion(), e.at()) : n.attempts();
            return n.with(NotificationStatus.DELIVERED, e.channel().name(), e.language(), null, n.channels(), attempts, e.at(), null, sequence);
        });
    }

    @EventHandler
    void on(NotificationAbandonedEvent e, @SequenceNumber long sequence) {
        notifications.apply(e.notificationId(), sequence, n -> n == null ? null : n.with(NotificationStatus.ABANDONED, n.channel(),
                n.language(), e.reason(), n.channels(), n.attempts(), e.at(), null, sequence));
    }

    private static List<Attempt> ended(NotificationDocument n, String outcome, String reason, int templateVersion, java.time.Instant at) {
        Attempt last = n.lastAttempt();
        if (last == null) {
            return n.attempts();
        }
        return n.withLast(new Attempt(last.channel(), last.number(), last.mayHaveBeenSent(), last.startedAt(), outcome, reason,
                templateVersion, at));
    }

    @ResetHandler
    void reset() {
        notifications.deleteAll();
    }
}
