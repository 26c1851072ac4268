package org.pledge.notification.rule.api;

import java.time.Instant;

import org.pledge.platform.api.EventRevision;

/** Version {@code version} of rule {@code ruleId}: {@code content}, set by {@code by} (an admin, or {@code configuration}). */
@EventRevision("1")
public record NotificationRuleSavedEvent(String ruleId, int version, RuleContent content, String by, Instant at) {
}
