package org.pledge.notification.template.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.pledge.notification.template.config.TemplateProperties;

/**
 * How CODE values (service types, reason codes, outcomes, payment methods) are worded per language: the seeded wording
 * ({@code notification-templates/wording/<language>.properties}, UTF-8) under the configuration's
 * ({@code pledge.notifications.wording.<language>}). A key is {@code <placeholder>.<CODE>} (e.g.
 * {@code reason.missing-photo}) or {@code <CODE>} for any placeholder; a code without wording is written as it is.
 */
public final class CodeWording {

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public CodeWording(TemplateProperties properties) {
        for (String language : properties.languages()) {
            Map<String, String> words = new HashMap<>(seeded(language));
            words.putAll(properties.wording().getOrDefault(language, Map.of()));
            byLanguage.put(language, Map.copyOf(words));
        }
    }

    /** The wording of {@code code} given as {@code placeholder}, in {@code language}; the code itself when there is none. */
    public String word(String language, String placeholder, String code) {
        Map<String, String> words = byLanguage.getOrDefault(language, Map.of());
        String specific = words.get(placeholder + "." + code);
        if (specific != null) {
            return specific;
        }
        return words.getOrDefault(code, code);
    }

    private static Map<String, String> seeded(String language) {
        String resource = "notification-templates/wording/" + language + ".properties";
        try (InputStream in = CodeWording.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> words = new HashMap<>();
            properties.stringPropertyNames().forEach(k -> words.put(k, properties.getProperty(k)));
            return words;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
