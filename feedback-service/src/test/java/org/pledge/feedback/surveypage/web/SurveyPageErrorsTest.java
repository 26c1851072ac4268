package org.pledge.feedback.surveypage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.pledge.feedback.survey.api.SurveyTokenException;
import org.pledge.feedback.survey.api.SurveyTokenException.Reason;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

class SurveyPageErrorsTest {

    @Test
    void linkProblem_hasTheStatusOfItsReason_inTheAskedLanguage() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setParameter("lang", "fr");

        assertPage(SurveyPageErrors.linkProblem(new SurveyTokenException(Reason.INVALID, "x"), request), HttpStatus.NOT_FOUND, "invalid");
        assertPage(SurveyPageErrors.linkProblem(new SurveyTokenException(Reason.EXPIRED, "x"), request), HttpStatus.GONE, "expired");
        ModelAndView used = SurveyPageErrors.linkProblem(new SurveyTokenException(Reason.USED, "x"), request);
        assertPage(used, HttpStatus.CONFLICT, "used");
        assertThat(used.getModel()).containsEntry("lang", "fr").containsEntry("otherLang", "en");
    }

    @Test
    void unexpected_isAPageToo_withoutItsMessage() {
        ModelAndView page = SurveyPageErrors.unexpected(new IllegalStateException("boom"), new MockHttpServletRequest());
        assertPage(page, HttpStatus.INTERNAL_SERVER_ERROR, "unavailable");
        assertThat(page.getModel()).containsEntry("lang", "en").doesNotContainValue("boom");
    }

    @Test
    void messages_haveTheSameKeys_inEnglishAndFrench() throws IOException {
        Properties english = load("surveypage/messages.properties");
        Properties french = load("surveypage/messages_fr.properties");
        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String problem : new String[] {"invalid", "expired", "used", "unavailable"}) {
            assertThat(english).containsKeys("problem." + problem + ".title", "problem." + problem + ".what",
                    "problem." + problem + ".next");
        }
        // MessageFormat drops a lone ' in messages with arguments: the messages use ’ instead
        english.forEach((key, text) -> assertThat((String) text).as("%s", key).doesNotContain("'"));
        french.forEach((key, text) -> assertThat((String) text).as("%s", key).doesNotContain("'"));
    }

    private static void assertPage(ModelAndView page, HttpStatus status, String problem) {
        assertThat(page.getViewName()).isEqualTo(SurveyPageErrors.LINK_PROBLEM);
        assertThat(page.getStatus()).isEqualTo(status);
        assertThat(page.getModel()).containsEntry("problem", problem);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = SurveyPageErrorsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
