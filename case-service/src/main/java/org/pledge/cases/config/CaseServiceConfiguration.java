package org.pledge.cases.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** case-service's path→role rules (the most specific first). */
@Configuration(proxyBeanMethods = false)
class CaseServiceConfiguration {

    @Bean
    PledgeHttpSecurityCustomizer caseRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/cases").hasAnyRole("channel", "caseworker")
                .requestMatchers(HttpMethod.GET, "/api/service-levels", "/api/service-levels/*").hasAnyRole("operations", "auditor")
                .requestMatchers(HttpMethod.GET, "/api/cases/*/history").hasAnyRole("caseworker", "auditor")
                .requestMatchers(HttpMethod.GET, "/api/cases/*/applicant").hasAnyRole("channel", "caseworker")
                .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*").hasAnyRole("channel", "caseworker", "operations", "auditor")
                .requestMatchers(HttpMethod.POST, "/api/cases/*/withdrawal").hasAnyRole("channel", "caseworker")
                .requestMatchers(HttpMethod.POST, "/api/cases/*/assignment", "/api/cases/*/work-started", "/api/cases/*/information-requests",
                        "/api/cases/*/information-received", "/api/cases/*/resolution", "/api/cases/*/reopening",
                        "/api/cases/*/follow-ups").hasRole("caseworker")
                .requestMatchers(HttpMethod.PUT, "/api/service-types/*", "/api/calendars/*").hasRole("admin")
                .requestMatchers(HttpMethod.GET, "/api/service-types", "/api/service-types/*", "/api/calendars/*").authenticated();
    }
}
