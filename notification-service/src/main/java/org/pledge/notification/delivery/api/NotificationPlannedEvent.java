package org.pledge.notification.delivery.api;

import java.time.Instant;
import java.util.List;

import org.pledge.notification.channel.api.Channel;

/**
 * The channels the notification will try, in order (the client's preferred one first, then
 * {@link Channel#FALLBACK_ORDER}, only those the contact has a point for), and the language it is written in.
 */
public record NotificationPlannedEvent(String notificationId, List<Channel> channels, String language, Instant at) {
}
