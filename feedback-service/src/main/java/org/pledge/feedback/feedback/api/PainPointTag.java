package org.pledge.feedback.feedback.api;

import java.util.Locale;
import java.util.Map;

/**
 * A pain point a client can name, from the fixed list admin manages.
 *
 * @param code   stable code, e.g. {@code waiting-time}
 * @param labels the label per language ({@code en}, {@code fr})
 */
public record PainPointTag(String code, Map<String, String> labels) {

    /** The label in {@code language} (its primary subtag), else English, else the code. */
    public String label(String language) {
        String primary = language == null ? "en" : language.split("[-_]")[0].toLowerCase(Locale.ROOT);
        return labels.getOrDefault(primary, labels.getOrDefault("en", code));
    }
}
