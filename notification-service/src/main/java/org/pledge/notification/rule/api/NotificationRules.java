package org.pledge.notification.rule.api;

import java.util.List;
import java.util.Map;

import org.pledge.notification.template.api.Trigger;

/** Which messages an event causes; the rule feature implements it from its read model. */
public interface NotificationRules {

    /**
     * The enabled rules of {@code trigger} whose conditions (equality on placeholder values) hold for {@code values},
     * ordered by rule id. One event causes one notification per rule returned.
     */
    List<ActiveRule> matching(Trigger trigger, Map<String, String> values);
}
