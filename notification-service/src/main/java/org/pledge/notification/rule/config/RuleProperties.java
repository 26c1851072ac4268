package org.pledge.notification.rule.config;

import java.util.Map;

import org.pledge.notification.rule.api.RuleContent;
import org.pledge.notification.template.api.Trigger;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pledge.notifications.rules.<rule id>.*}: the rules seeded at start-up (version 1 of a rule that does not
 * exist; an existing rule is never changed by the configuration: changes go through the API).
 */
@ConfigurationProperties("pledge.notifications")
public record RuleProperties(Map<String, Seed> rules) {

    public RuleProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /**
     * One rule's seed.
     *
     * @param trigger    e.g. {@code CASE_RESOLVED}
     * @param template   the template id it sends
     * @param conditions placeholder → value, e.g. {@code {outcome: APPROVED}}; default none
     * @param enabled    default true
     */
    public record Seed(Trigger trigger, String template, Map<String, String> conditions, Boolean enabled) {

        RuleContent content() {
            return new RuleContent(trigger, conditions, template, enabled == null || enabled);
        }
    }
}
