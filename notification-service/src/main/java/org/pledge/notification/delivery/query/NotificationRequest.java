package org.pledge.notification.delivery.query;

import java.time.Instant;

/**
 * A notification the service owes a client, recorded when the triggering integration event arrives.
 * The id is derived from the trigger ({@code <kind>:<caseId>}), so the same trigger never records two.
 * Holds no contact points: those are looked up when the message is sent.
 */
public record NotificationRequest(String id, String caseId, String kind, String language, String preferredChannel,
                                  String status, String triggeredBy, Instant recordedAt) {
}
