package org.pledge.notification.delivery.integration;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pledge.notification.channel.api.DeliveryReceipt;
import org.pledge.notification.channel.api.DeliveryReceipts;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.notification.delivery.api.RecordDeliveryReceiptCommand;
import org.pledge.notification.delivery.query.Notifications;
import org.springframework.stereotype.Component;

/**
 * Where the channels' checked receipts go: the reference names the notification and channel
 * ({@link NotificationIds#parse}). A receipt for a reference that is not one of ours, of a notification that does not
 * exist, or of a channel it never attempted is refused ({@link DeliveryReceipts.UnknownReferenceException}); a duplicate
 * or late one changes nothing. A failed receipt makes the next channel due at once: its attempt is made on a worker.
 */
@Component
class DeliveryReceiptRecorder implements DeliveryReceipts {

    private final CommandGateway commands;
    private final DeliveryAttempts attempts;
    private final Notifications notifications;
    private final Clock clock;

    DeliveryReceiptRecorder(CommandGateway commands, DeliveryAttempts attempts, Notifications notifications, Clock clock) {
        this.commands = commands;
        this.attempts = attempts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void record(DeliveryReceipt receipt) {
        NotificationIds.Referenced referenced = NotificationIds.parse(receipt.reference());
        if (referenced == null) {
            throw new UnknownReferenceException();
        }
        try {
            commands.sendAndWait(new RecordDeliveryReceiptCommand(referenced.notificationId(), referenced.channel(), receipt.delivered(),
                    receipt.reason() == null ? null : DeliveryAttempts.code(receipt.reason()), receipt.providerId(), receipt.receiptId(),
                    receipt.at() != null ? receipt.at() : clock.instant()));
            if (!receipt.delivered()) {
                // the channel failed for good: the next one at once (the sweep would take it up a lease later)
                notifications.find(referenced.notificationId())
                        .ifPresent(n -> attempts.dueSoon(referenced.notificationId(), n.recipientRef()));
            }
        } catch (AggregateNotFoundException e) {
            throw new UnknownReferenceException();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnknownReferenceException unknown) {
                    throw unknown;
                }
                if (cause instanceof AggregateNotFoundException) {
                    throw new UnknownReferenceException();
                }
            }
            throw e;
        }
    }
}
