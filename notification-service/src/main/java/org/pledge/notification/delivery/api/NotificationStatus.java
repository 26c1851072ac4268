package org.pledge.notification.delivery.api;

/**
 * Where a notification stands. So far only {@link #PENDING}: owed, not sent. Sending, delivery, failure and fallback
 * to the next channel come with the notifications themselves (issue 13).
 */
public enum NotificationStatus {
    PENDING
}
