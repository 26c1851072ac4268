package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;
import org.pledge.platform.api.CommandTarget;

/**
 * A provider's checked receipt for the notification's message on {@code channel}. A duplicate, or a receipt that comes
 * after the notification moved on or ended, changes nothing.
 *
 * @param reason the provider's reason code when it failed
 */
public record RecordDeliveryReceiptCommand(@CommandTarget String notificationId, Channel channel, boolean delivered, String reason,
                                           String providerId, String receiptId, Instant at) {
}
