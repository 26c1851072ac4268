package org.pledge.cases.casefile.api;

import java.time.Instant;
import java.util.List;

import org.pledge.platform.api.EventRevision;

/**
 * The case's client could not be told what template {@code templateId} says, on any channel: each channel tried failed
 * for good ({@link RecordClientNotificationFailedCommand}). Not a change of the case.
 */
@EventRevision("1")
public record ClientNotificationFailedEvent(String caseId, String notificationId, String ruleId, String templateId,
                                            String sourceEventType, String channel, List<String> channelsTried, String reason,
                                            Instant failedAt) {
}
