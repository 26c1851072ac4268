package org.pledge.notification.template.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a template names its values: {@code {{name}}}, a letter then letters and digits, no blanks inside the braces. Any
 * other {@code {{} or {@code }}} in a text is malformed (so a typo such as {@code {{ dueDate }}} or {@code {{dueDate}}
 * is refused when the template is saved, not sent as it is). Single braces are plain text.
 */
public final class TemplateSyntax {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]{0,63})}}");
    private static final int SHOWN = 24;

    private TemplateSyntax() {
    }

    /** The placeholder names {@code text} uses, in order of appearance (repeated as often as they appear). */
    public static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The first malformed fragment of {@code text} (a {@code {{} or {@code }}} outside a placeholder), at most 24 characters. */
    public static Optional<String> malformed(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String rest = PLACEHOLDER.matcher(text).replaceAll("\u0000");
        int at = firstOf(rest, "{{", "}}");
        if (at < 0) {
            return Optional.empty();
        }
        int from = Math.max(0, at - 8);
        return Optional.of(rest.substring(from, Math.min(rest.length(), from + SHOWN)).replace('\u0000', '…'));
    }

    /** {@code text} with each placeholder replaced by {@code value.apply(name)} (in one pass: values are never read as templates). */
    public static String substitute(String text, Function<String, String> value) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            String replacement = value.apply(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static int firstOf(String text, String a, String b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
