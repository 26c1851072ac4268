package org.pledge.feedback.surveypage.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages the survey page speaks. The page is in the language asked for by {@code ?lang=} (the link to switch),
 * else the invitation's, else the browser's first choice among ours, else English.
 */
enum PageLanguage {
    EN(Locale.CANADA),
    FR(Locale.CANADA_FRENCH);

    /** The request attribute {@link SurveyPageLocaleResolver} reads: the page's language wins over Accept-Language. */
    static final String ATTRIBUTE = PageLanguage.class.getName();

    private final Locale locale;

    PageLanguage(Locale locale) {
        this.locale = locale;
    }

    /** {@code en} or {@code fr}: the value of {@code <html lang>}, of {@code ?lang=} and of the form's hidden field. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    Locale locale() {
        return locale;
    }

    PageLanguage other() {
        return this == EN ? FR : EN;
    }

    /** One of ours for a BCP 47 tag ({@code fr}, {@code fr-CA}, {@code FR_ca}), or null. */
    static PageLanguage parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return switch (primary) {
            case "en" -> EN;
            case "fr" -> FR;
            default -> null;
        };
    }

    /** The first of {@code tags} that is one of ours, else the browser's choice, else English. */
    static PageLanguage choose(HttpServletRequest request, String... tags) {
        for (String tag : tags) {
            PageLanguage language = parse(tag);
            if (language != null) {
                return language;
            }
        }
        var browser = request.getLocales();
        while (browser.hasMoreElements()) {
            PageLanguage language = parse(browser.nextElement().getLanguage());
            if (language != null) {
                return language;
            }
        }
        return EN;
    }

    /** Renders this request's page (messages, {@code Content-Language}) in this language. */
    PageLanguage use(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
        return this;
    }
}
