package org.pledge.notification.delivery.api;

import java.time.Instant;
import java.util.Map;

import org.pledge.platform.api.CommandTarget;
import org.pledge.platform.api.PersonalData;

/**
 * Records that event {@code sourceEventId} owes client {@code recipientRef} a message under rule {@code ruleId}
 * (id: {@link NotificationIds#of}). Repeating it changes nothing: a notification is requested, and so sent, once.
 * Fields as {@link NotificationRequestedEvent}.
 *
 * @param requestedAt now, from the caller's injected clock
 */
public record RequestNotificationCommand(@CommandTarget String notificationId, String caseId, String recipientRef, String trigger,
                                         String ruleId, int ruleVersion, String templateId, String sourceEventId,
                                         String sourceEventType, String eventLanguage, Map<String, String> values,
                                         @PersonalData(subject = "recipientRef") String sealedValues, Instant requestedAt) {

    /** No credential in a log line. */
    @Override
    public String toString() {
        return "RequestNotificationCommand[" + notificationId + ", case " + caseId + ", rule " + ruleId + "]";
    }
}
