package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * notification-service told the case's client something ({@code pledge.notification.delivered.v1}): recorded in the
 * case's history once per notification, in any state of the case, closed ones included. No personal data: what was
 * sent is named by its template and the event that caused it, never by its text or address.
 *
 * @param notificationId  notification-service's id of the notification (one per source event, rule and recipient)
 * @param ruleId          the notification rule that chose the message
 * @param templateId      the template it was written from (e.g. {@code case-submitted})
 * @param sourceEventType the CloudEvent type that caused it (e.g. {@code pledge.case.submitted.v1})
 * @param channel         {@code EMAIL}, {@code SMS} or {@code LETTER}
 * @param language        the BCP 47 tag it was written in
 * @param deliveredAt     when notification-service saw it delivered
 */
public record RecordClientNotifiedCommand(@CommandTarget String caseId, String notificationId, String ruleId, String templateId,
                                          String sourceEventType, String channel, String language, Instant deliveredAt) {
}
