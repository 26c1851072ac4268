package org.pledge.notification.delivery.api;

import java.time.Instant;

/** The client of case {@code caseId} is owed notification {@code notificationId} of {@code kind}. No contact points. */
public record NotificationRequestedEvent(String notificationId, String caseId, String kind, String language,
                                         String preferredChannel, String triggeredBy, Instant requestedAt) {
}
