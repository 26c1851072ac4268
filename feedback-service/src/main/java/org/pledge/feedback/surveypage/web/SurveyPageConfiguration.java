package org.pledge.feedback.surveypage.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The survey page's headers and language. */
@Configuration(proxyBeanMethods = false)
class SurveyPageConfiguration {

    @Bean
    FilterRegistrationBean<SurveyPageHeaders> surveyPageHeaders() {
        FilterRegistrationBean<SurveyPageHeaders> registration = new FilterRegistrationBean<>(new SurveyPageHeaders());
        registration.addUrlPatterns("/surveys/*");
        registration.setName("surveyPageHeaders");
        return registration;
    }

    /** Replaces Spring Boot's (same name): see {@link SurveyPageLocaleResolver}. */
    @Bean
    LocaleResolver localeResolver() {
        return new SurveyPageLocaleResolver();
    }
}
