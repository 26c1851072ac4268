package org.pledge.notification.delivery.api;

import java.time.Instant;
import java.util.List;

import org.pledge.notification.channel.api.Channel;

/**
 * Final: the client could not be told. Every channel tried failed for good, or there was none to try:
 * {@code no-contact} (no contact recorded within the wait), {@code contact-erased}, {@code no-contact-point}. Carries
 * what {@code pledge.notification.failed.v1} needs.
 *
 * @param lastChannel   the last channel tried, null when none was
 * @param channelsTried every channel tried, in order
 * @param reason        the last failure's code
 */
public record NotificationAbandonedEvent(String notificationId, String caseId, String recipientRef, String ruleId, String templateId,
                                         String sourceEventType, Channel lastChannel, List<Channel> channelsTried, String reason,
                                         Instant at) {
}
