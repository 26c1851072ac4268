package org.pledge.notification.rule.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.pledge.notification.template.api.Trigger;

/**
 * What a rule says: on {@code trigger}, when every condition holds (the trigger's value named by the key equals the
 * condition's value, exactly), send template {@code templateId}; unless it is disabled.
 *
 * @param conditions placeholder name → raw value (e.g. {@code outcome → APPROVED}); none: every event of the trigger
 */
public record RuleContent(Trigger trigger, Map<String, String> conditions, String templateId, boolean enabled) {

    public RuleContent {
        conditions = conditions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(conditions));
    }

    /** Whether the conditions hold for an event's values. */
    public boolean holdsFor(Map<String, String> values) {
        return conditions.entrySet().stream().allMatch(c -> c.getValue().equals(values.get(c.getKey())));
    }
}
