package org.pledge.notification.delivery.api;

import java.time.Instant;
import java.util.Map;

import org.pledge.platform.api.EventRevision;
import org.pledge.platform.api.PersonalData;

/**
 * Event {@code sourceEventId} ({@code sourceEventType}) owes the client {@code recipientRef} of case {@code caseId} a
 * message from template {@code templateId}, under rule {@code ruleId} at {@code ruleVersion}. No contact points: they
 * are looked up when the message is sent.
 *
 * @param trigger         the {@link org.pledge.notification.template.api.Trigger}'s name
 * @param eventLanguage   the language the event states for the client (used when the contact states none); may be null
 * @param values          the trigger's raw values (no personal data, no credentials)
 * @param sealedValues    the trigger's values that are credentials ({@link SealedValues}), stored encrypted under the
 *                        recipient's key; null when none
 */
@EventRevision("2")
public record NotificationRequestedEvent(String notificationId, String caseId, String recipientRef, String trigger,
                                         String ruleId, int ruleVersion, String templateId, String sourceEventId,
                                         String sourceEventType, String eventLanguage, Map<String, String> values,
                                         @PersonalData(subject = "recipientRef") String sealedValues, Instant requestedAt) {

    /** No credential in a log line. */
    @Override
    public String toString() {
        return "NotificationRequestedEvent[" + notificationId + ", case " + caseId + ", rule " + ruleId + "]";
    }
}
