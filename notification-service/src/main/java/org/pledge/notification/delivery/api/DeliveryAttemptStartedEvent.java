package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;

/**
 * The intent, stored before the message is handed to the channel's sender: attempt {@code attempt} on {@code channel},
 * under {@code reference}, held until {@code leaseUntil}.
 *
 * @param mayHaveBeenSent an earlier attempt on this channel may have reached the client (the sender looks it up first)
 */
public record DeliveryAttemptStartedEvent(String notificationId, Channel channel, int attempt, String reference,
                                          boolean mayHaveBeenSent, Instant leaseUntil, Instant at) {
}
