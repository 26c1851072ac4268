package org.pledge.guarantee.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** guarantee-service's path→role rules. */
@Configuration(proxyBeanMethods = false)
class GuaranteeSecurity {

    @Bean
    PledgeHttpSecurityCustomizer guaranteeRules() {
        return rules -> rules
                // the payment provider's callbacks carry no token: each is authenticated by its HMAC signature
                .requestMatchers(HttpMethod.POST, "/callbacks/payments").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/guarantee-policies", "/api/guarantee-policies/*")
                .hasAnyRole("admin", "finance", "auditor")
                .requestMatchers(HttpMethod.PUT, "/api/guarantee-policies/*").hasRole("admin")
                .requestMatchers(HttpMethod.POST, "/api/claims/*/approvals").hasRole("finance")
                .requestMatchers(HttpMethod.POST, "/api/claims/*/payout-details").hasRole("channel")
                .requestMatchers(HttpMethod.GET, "/api/claims", "/api/claims/**").hasAnyRole("finance", "auditor")
                .requestMatchers(HttpMethod.POST, "/api/exceptional-circumstances").hasRole("admin")
                .requestMatchers(HttpMethod.GET, "/api/exceptional-circumstances", "/api/exceptional-circumstances/*")
                .hasAnyRole("admin", "finance", "auditor")
                .requestMatchers("/api/payment-batches", "/api/payment-batches/**").hasRole("finance")
                .requestMatchers(HttpMethod.GET, "/api/refund-totals").hasAnyRole("finance", "auditor", "operations");
    }
}
