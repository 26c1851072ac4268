package org.pledge.contracts.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.notification.delivered.v1}: the client of case {@code caseId} was told, by {@code channel}: the
 * SMTP server took the email, the SMS provider confirmed delivery, or the letter went to the print outbox. What they were
 * told is named by the template and the event that caused it; never the text, the address or any other personal data.
 *
 * @param notificationId  one per (source event, rule, recipient)
 * @param templateId      the template the message was written from (e.g. {@code case-submitted})
 * @param sourceEventType the CloudEvent type that caused it (e.g. {@code pledge.case.submitted.v1})
 * @param channel         {@code EMAIL}, {@code SMS} or {@code LETTER}
 * @param language        the BCP 47 tag the message was written in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationDeliveredV1(
        String notificationId,
        String caseId,
        @DataSubjectField String applicantReference,
        String ruleId,
        String templateId,
        String sourceEventType,
        String channel,
        String language,
        Instant deliveredAt) {
}
