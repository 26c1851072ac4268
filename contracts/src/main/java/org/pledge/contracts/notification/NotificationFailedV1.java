package org.pledge.contracts.notification;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.notification.failed.v1}: the client of case {@code caseId} could not be told, on any channel:
 * each one tried failed for good (after retries), and no other channel was left; operations lists these as abandoned.
 *
 * @param channel       the last channel tried, or null when the client had no usable contact point at all
 * @param channelsTried every channel tried, in order
 * @param reason        the last failure's reason code (e.g. {@code smtp-550}, {@code no-contact-point}); never personal data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationFailedV1(
        String notificationId,
        String caseId,
        @DataSubjectField String applicantReference,
        String ruleId,
        String templateId,
        String sourceEventType,
        String channel,
        List<String> channelsTried,
        String reason,
        Instant failedAt) {
}
