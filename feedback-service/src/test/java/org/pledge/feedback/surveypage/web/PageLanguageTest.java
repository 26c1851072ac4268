package org.pledge.feedback.surveypage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageLanguageTest {

    @Test
    void choose_takesTheFirstOfOurs_thenTheBrowsers_thenEnglish() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.GERMAN);

        assertThat(PageLanguage.choose(request, "fr", "en-CA")).isEqualTo(PageLanguage.FR);
        assertThat(PageLanguage.choose(request, "de", "FR_ca")).isEqualTo(PageLanguage.FR);
        assertThat(PageLanguage.choose(request, null, "en-GB")).isEqualTo(PageLanguage.EN);
        assertThat(PageLanguage.choose(request, "", null)).isEqualTo(PageLanguage.EN);

        request.addPreferredLocale(Locale.CANADA_FRENCH); // now the first choice: fr-CA, then de
        assertThat(PageLanguage.choose(request, "es")).isEqualTo(PageLanguage.FR);
    }

    @Test
    void use_makesTheLocaleResolverAnswerWithThePagesLanguage() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.ENGLISH);
        SurveyPageLocaleResolver resolver = new SurveyPageLocaleResolver();
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);

        PageLanguage.FR.use(request);
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.CANADA_FRENCH);
        assertThat(PageLanguage.FR.other().code()).isEqualTo("en");
    }
}
