package org.pledge.guarantee.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** guarantee-service's path→role rules. */
@Configuration(proxyBeanMethods = false)
class GuaranteeSecurity {

    @Bean
    PledgeHttpSecurityCustomizer guaranteeRules() {
        return rules -> rules.requestMatchers("/api/claims/**").hasAnyRole("finance", "auditor");
    }
}
