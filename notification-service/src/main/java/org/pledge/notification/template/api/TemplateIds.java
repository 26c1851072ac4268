package org.pledge.notification.template.api;

import java.util.regex.Pattern;

/** Template identifiers. */
public final class TemplateIds {

    /** A template id: lower-case letters, digits and hyphens, e.g. {@code case-submitted}. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final String PREFIX = "template:";

    private TemplateIds() {
    }

    /** The aggregate of template {@code templateId} (all its variants): {@code template:<id>}. */
    public static String aggregateOf(String templateId) {
        return PREFIX + templateId;
    }

    public static boolean isValid(String templateId) {
        return templateId != null && VALID.matcher(templateId).matches();
    }
}
