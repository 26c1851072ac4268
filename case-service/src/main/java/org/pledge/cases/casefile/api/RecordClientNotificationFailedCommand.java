package org.pledge.cases.casefile.api;

import java.time.Instant;
import java.util.List;

import org.pledge.platform.api.CommandTarget;

/**
 * notification-service could not tell the case's client something on any channel
 * ({@code pledge.notification.failed.v1}): recorded in the case's history once per notification, in any state.
 *
 * @param channel       the last channel tried, or null when the client had no usable contact point at all
 * @param channelsTried every channel tried, in order (may be empty)
 * @param reason        the last failure's reason code (e.g. {@code smtp-550}, {@code no-contact-point})
 * @param failedAt      when notification-service gave up
 */
public record RecordClientNotificationFailedCommand(@CommandTarget String caseId, String notificationId, String ruleId,
                                                    String templateId, String sourceEventType, String channel,
                                                    List<String> channelsTried, String reason, Instant failedAt) {
}
