package org.pledge.feedback.survey.config;

import org.pledge.feedback.survey.token.SurveyTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The survey feature's settings and the links' keys. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SurveyProperties.class)
class SurveyConfiguration {

    @Bean
    SurveyTokens surveyTokens(SurveyProperties properties) {
        return SurveyTokenKeys.resolve(properties);
    }
}
