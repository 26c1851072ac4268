package org.pledge.notification.template.config;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.notifications.*}: the languages templates are written in, how values are formatted, and the seeded
 * templates (docs/notification-templates.md).
 *
 * @param languages        the languages every template is written in (BCP 47, lower case), default {@code en, fr}: a
 *                         variant in another language is refused, and a rule needs its template in all of them
 * @param fallbackLanguage the language written in when a template has no variant in the client's, default {@code en}
 * @param zone             the business time zone dates are written in, default {@code America/Toronto}
 * @param locales          per language, the locale dates and money are formatted for, default {@code en: en-CA, fr: fr-CA}
 * @param wording          per language, wording of CODE values overriding the seeded wording
 *                         ({@code notification-templates/wording/<language>.properties}), keyed {@code <placeholder>.<CODE>}
 *                         or {@code <CODE>} (in YAML, in brackets: {@code "[reason.missing-photo]": ...})
 * @param templates        the seeded templates: template id → trigger; their texts are read from
 *                         {@code seedLocation/<id>/<language>/<channel>.txt} (lower-case channel)
 * @param seedLocation     where the seeded texts are, default {@code classpath:notification-templates/}
 */
@ConfigurationProperties("pledge.notifications")
public record TemplateProperties(@DefaultValue({"en", "fr"}) List<String> languages, @DefaultValue("en") String fallbackLanguage,
                                 @DefaultValue("America/Toronto") ZoneId zone, Map<String, String> locales,
                                 Map<String, Map<String, String>> wording, Map<String, String> templates,
                                 @DefaultValue("classpath:notification-templates/") String seedLocation) {

    public TemplateProperties {
        languages = languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        fallbackLanguage = fallbackLanguage.strip().toLowerCase(Locale.ROOT);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("pledge.notifications.languages: at least one language");
        }
        for (String language : languages) {
            if (!language.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
                throw new IllegalArgumentException("pledge.notifications.languages: not a BCP 47 language tag: " + language);
            }
        }
        if (!languages.contains(fallbackLanguage)) {
            throw new IllegalArgumentException("pledge.notifications.fallback-language must be one of pledge.notifications.languages");
        }
        Map<String, String> withDefaults = new LinkedHashMap<>(Map.of("en", "en-CA", "fr", "fr-CA"));
        if (locales != null) {
            locales.forEach((k, v) -> withDefaults.put(k.toLowerCase(Locale.ROOT), v));
        }
        locales = Map.copyOf(withDefaults);
        wording = wording == null ? Map.of() : Map.copyOf(wording);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    /** Whether {@code language} is one of the configured languages (exactly, as stored: lower case). */
    public boolean supports(String language) {
        return languages.contains(language);
    }

    /**
     * The configured language a client's tag is written in: the tag itself when configured ({@code fr-ca}), else its
     * primary language ({@code fr-CA} → {@code fr}); empty when neither is configured (then the fallback language).
     */
    public Optional<String> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String normalized = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (languages.contains(normalized)) {
            return Optional.of(normalized);
        }
        int dash = normalized.indexOf('-');
        String primary = dash < 0 ? normalized : normalized.substring(0, dash);
        return languages.contains(primary) ? Optional.of(primary) : Optional.empty();
    }

    /** The locale {@code language}'s dates and money are formatted for: configured, else the language itself. */
    public Locale locale(String language) {
        return Locale.forLanguageTag(locales.getOrDefault(language, language));
    }
}
