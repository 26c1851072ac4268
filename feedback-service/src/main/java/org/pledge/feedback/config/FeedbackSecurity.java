package org.pledge.feedback.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** feedback-service's path→role rules. */
@Configuration(proxyBeanMethods = false)
class FeedbackSecurity {

    @Bean
    PledgeHttpSecurityCustomizer feedbackRules() {
        return rules -> rules
                // the public survey: the link's signed single-use token authorises one answer, no login
                .requestMatchers(HttpMethod.GET, "/surveys/*", "/surveys/*/thanks", "/survey-assets/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/surveys/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/surveys/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/surveys/*/responses").permitAll()
                // feedback given at a channel (kiosk, call centre, web form); read back by the caseworker on the case
                .requestMatchers(HttpMethod.POST, "/api/feedback").hasRole("channel")
                .requestMatchers(HttpMethod.GET, "/api/feedback").hasAnyRole("caseworker", "auditor")
                .requestMatchers("/api/feedback/summary").hasRole("operations")
                .requestMatchers(HttpMethod.GET, "/api/satisfaction", "/api/satisfaction/**", "/api/pain-points")
                .hasAnyRole("operations", "auditor")
                .requestMatchers(HttpMethod.GET, "/api/satisfaction-alerts").hasAnyRole("operations", "auditor")
                // the tags a channel offers the client; admin manages them
                .requestMatchers(HttpMethod.GET, "/api/pain-point-tags").hasAnyRole("admin", "channel", "operations")
                .requestMatchers(HttpMethod.PUT, "/api/pain-point-tags").hasRole("admin");
    }
}
