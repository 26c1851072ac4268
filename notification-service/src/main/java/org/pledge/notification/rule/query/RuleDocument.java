package org.pledge.notification.rule.query;

import java.time.Instant;
import java.util.Map;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.notification.rule.api.RuleContent;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.readmodel.RecordFields;

/**
 * The current version of one rule in {@code notification_rules}, exactly as stored (the driver's record codec).
 *
 * @param seq the sequence number of the rule's last event applied
 */
public record RuleDocument(@BsonId String ruleId, int version, Trigger trigger, Map<String, String> conditions, String templateId,
                           boolean enabled, String changedBy, Instant changedAt, long seq) {

    private static final RecordFields FIELDS = RecordFields.of(RuleDocument.class);
    static final String ID = FIELDS.name("ruleId");
    static final String TRIGGER = FIELDS.name("trigger");
    static final String SEQ = FIELDS.name("seq");

    public RuleDocument {
        conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
    }

    public RuleContent content() {
        return new RuleContent(trigger, conditions, templateId, enabled);
    }
}
