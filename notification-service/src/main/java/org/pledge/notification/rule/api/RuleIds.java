package org.pledge.notification.rule.api;

import java.util.regex.Pattern;

/** Notification rule identifiers. */
public final class RuleIds {

    /** A rule id: lower-case letters, digits and hyphens, e.g. {@code case-resolved-approved}. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final String PREFIX = "rule:";

    private RuleIds() {
    }

    /** The aggregate of rule {@code ruleId}: {@code rule:<id>}. */
    public static String aggregateOf(String ruleId) {
        return PREFIX + ruleId;
    }

    public static boolean isValid(String ruleId) {
        return ruleId != null && VALID.matcher(ruleId).matches();
    }
}
