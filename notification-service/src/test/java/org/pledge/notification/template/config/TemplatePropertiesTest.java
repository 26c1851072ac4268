package org.pledge.notification.template.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TemplatePropertiesTest {

    private final TemplateProperties properties = new TemplateProperties(List.of("EN", "fr"), "en", ZoneId.of("America/Toronto"), null,
            null, null, "classpath:notification-templates/");

    @Test
    void match_takesTheTag_whenConfigured_elseItsPrimaryLanguage() {
        assertThat(properties.languages()).containsExactly("en", "fr");
        assertThat(properties.match("fr-CA")).contains("fr");
        assertThat(properties.match("FR")).contains("fr");
        assertThat(properties.match("en_GB")).contains("en");
        assertThat(properties.match("es-MX")).isEmpty();
        assertThat(properties.match(null)).isEmpty();
    }

    @Test
    void locale_defaultsToCanadianEnglishAndFrench() {
        assertThat(properties.locale("en")).isEqualTo(Locale.forLanguageTag("en-CA"));
        assertThat(properties.locale("fr")).isEqualTo(Locale.forLanguageTag("fr-CA"));
    }

    @Test
    void fallbackLanguage_mustBeOneOfTheLanguages() {
        assertThatThrownBy(() -> new TemplateProperties(List.of("fr"), "en", ZoneId.of("UTC"), null, null, null, "x"))
                .hasMessageContaining("fallback-language");
    }
}
