package org.pledge.notification.delivery.api;

import java.time.Instant;

/** The recipient had no contact yet at check {@code check}; it is looked up again at {@code retryAt}. */
public record NotificationWaitingForContactEvent(String notificationId, int check, Instant retryAt, Instant at) {
}
