package org.pledge.feedback.surveypage.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The service's locale resolver (bean {@code localeResolver}): the survey page's language when a page chose one
 * ({@link PageLanguage#use}), else what Spring Boot does by default (the {@code Accept-Language} header). The page's
 * messages and its {@code Content-Language} header follow it; the JSON API is unaffected.
 */
class SurveyPageLocaleResolver implements LocaleResolver {

    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(PageLanguage.ATTRIBUTE);
        return chosen instanceof PageLanguage language ? language.locale() : browser.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The survey page's language comes from the link and ?lang=");
    }
}
