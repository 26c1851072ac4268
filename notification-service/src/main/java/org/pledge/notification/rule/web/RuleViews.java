package org.pledge.notification.rule.web;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pledge.notification.rule.query.RuleDocument;

/** What the rule endpoints answer. */
final class RuleViews {

    private RuleViews() {
    }

    @Schema(name = "NotificationRule", description = "The current version of a rule: on the trigger, when the conditions hold, "
            + "send the template to the event's applicant")
    record RuleView(String ruleId, @Schema(description = "1, then one more per change") int version, String trigger,
                    @Schema(description = "Placeholder name → the value it must equal; empty: every event of the trigger")
                    Map<String, String> conditions, String templateId, boolean enabled,
                    @Schema(description = "The admin who set this version, or `configuration` for a seed") String changedBy,
                    Instant changedAt) {

        static RuleView of(RuleDocument rule) {
            return new RuleView(rule.ruleId(), rule.version(), rule.trigger().name(), new TreeMap<>(rule.conditions()),
                    rule.templateId(), rule.enabled(), rule.changedBy(), rule.changedAt());
        }
    }
}
