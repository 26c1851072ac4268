package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Records that a client is owed notification {@code notificationId} ({@link NotificationIds#of}). Repeating it
 * changes nothing: a notification is requested, and so sent, once.
 *
 * @param triggeredBy the CloudEvent id of the event that caused it
 * @param requestedAt now, from the caller's injected clock
 */
public record RequestNotificationCommand(@CommandTarget String notificationId, String caseId, String kind, String language,
                                         String preferredChannel, String triggeredBy, Instant requestedAt) {

    public static RequestNotificationCommand of(String kind, String caseId, String language, String preferredChannel,
                                                String triggeredBy, Instant requestedAt) {
        return new RequestNotificationCommand(NotificationIds.of(kind, caseId), caseId, kind, language, preferredChannel,
                triggeredBy, requestedAt);
    }
}
