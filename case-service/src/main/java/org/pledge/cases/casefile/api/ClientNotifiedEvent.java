package org.pledge.cases.casefile.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/**
 * The case's client was told: by {@code channel}, in {@code language}, from template {@code templateId} chosen by rule
 * {@code ruleId} for the event {@code sourceEventType}, at {@code deliveredAt} ({@link RecordClientNotifiedCommand}).
 * Not a change of the case: the clock, the status and the deadline are untouched.
 */
@EventRevision("1")
public record ClientNotifiedEvent(String caseId, String notificationId, String ruleId, String templateId, String sourceEventType,
                                  String channel, String language, Instant deliveredAt) {
}
