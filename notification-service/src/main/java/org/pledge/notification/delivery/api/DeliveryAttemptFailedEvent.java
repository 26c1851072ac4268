package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;

/**
 * Attempt {@code attempt} on {@code channel} failed with {@code reason} (a code, never personal data). With a
 * {@code retryAt} the channel is tried again then; without, the channel failed for good ({@code channelFailed}) and the
 * notification moves to its next channel at once, or is abandoned.
 *
 * @param templateVersion the template variant's version the message was written from, 0 when it was not written
 */
public record DeliveryAttemptFailedEvent(String notificationId, Channel channel, int attempt, String reason, boolean channelFailed,
                                         Instant retryAt, int templateVersion, Instant at) {
}
