package org.pledge.notification.rule.api;

import org.pledge.notification.template.api.Trigger;

/** A rule as it stands now: on {@code trigger}, when its conditions hold, send template {@code templateId}. */
public record ActiveRule(String ruleId, int version, Trigger trigger, String templateId) {
}
