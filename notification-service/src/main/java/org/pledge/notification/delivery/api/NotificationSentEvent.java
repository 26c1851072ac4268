package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;

/** The provider took attempt {@code attempt}'s message on {@code channel}; its receipt is awaited until {@code receiptDueAt}. */
public record NotificationSentEvent(String notificationId, Channel channel, int attempt, String providerId, int templateVersion,
                                    String language, Instant receiptDueAt, Instant at) {
}
