package org.pledge.notification.rule.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Sets rule {@code ruleId} to {@code content}: version n+1 when it differs from version n, nothing when it is the same;
 * returns the version afterwards. A seed ({@code onlyIfMissing}) creates version 1 and never changes an existing rule.
 *
 * @param aggregateId {@link RuleIds#aggregateOf}{@code (ruleId)}
 * @param by          the admin (the token's subject), or {@code configuration} for a seed
 */
public record SaveNotificationRuleCommand(@CommandTarget String aggregateId, String ruleId, RuleContent content, boolean onlyIfMissing,
                                          String by, Instant at) {

    public static SaveNotificationRuleCommand of(String ruleId, RuleContent content, boolean onlyIfMissing, String by, Instant at) {
        return new SaveNotificationRuleCommand(RuleIds.aggregateOf(ruleId), ruleId, content, onlyIfMissing, by, at);
    }
}
