package org.pledge.cases.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** case-service's path→role rules. */
@Configuration(proxyBeanMethods = false)
class CaseServiceConfiguration {

    @Bean
    PledgeHttpSecurityCustomizer caseRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/cases").hasAnyRole("channel", "caseworker")
                .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*").hasAnyRole("channel", "caseworker", "operations", "auditor");
    }
}
