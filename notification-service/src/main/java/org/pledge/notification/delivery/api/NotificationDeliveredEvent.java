package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;

/**
 * Final: the client was told by {@code channel}, as the sender's answer ({@code confirmedBy} {@code answer}) or a
 * delivery receipt ({@code receipt}) says. Carries what {@code pledge.notification.delivered.v1} needs.
 */
public record NotificationDeliveredEvent(String notificationId, String caseId, String recipientRef, String ruleId, String templateId,
                                         String sourceEventType, Channel channel, int attempt, String language, int templateVersion,
                                         String providerId, String confirmedBy, Instant at) {
}
