package org.pledge.console.shell;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and French (Canada): {@code ?lang=en|fr} on any page switches and is remembered in a cookie; without one,
 * the browser's language when it is one of the two, else English. Also serves GOV.UK Frontend's own assets (its CSS
 * refers to {@code /assets/...}).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleLocales implements WebMvcConfigurer {

    public static final Locale ENGLISH = Locale.forLanguageTag("en-CA");
    public static final Locale FRENCH = Locale.forLanguageTag("fr-CA");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("pledge-console-lang");
        resolver.setDefaultLocaleFunction(request -> {
            Locale wanted = request.getHeader("Accept-Language") == null ? ENGLISH : request.getLocale();
            return "fr".equals(wanted.getLanguage()) ? FRENCH : ENGLISH;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(true);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                return "fr".equalsIgnoreCase(value) || "fr-CA".equalsIgnoreCase(value) ? FRENCH : ENGLISH;
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/"
                        + new org.webjars.WebJarVersionLocator().version("govuk-frontend") + "/dist/govuk/assets/");
    }
}
