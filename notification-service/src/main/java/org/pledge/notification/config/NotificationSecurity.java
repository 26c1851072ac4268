package org.pledge.notification.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** notification-service's path→role rules. */
@Configuration(proxyBeanMethods = false)
class NotificationSecurity {

    @Bean
    PledgeHttpSecurityCustomizer notificationRules() {
        return rules -> rules
                .requestMatchers("/api/notifications/**").hasAnyRole("auditor", "operations", "caseworker")
                // personal data: only those who act on one client's case, and admins
                .requestMatchers(HttpMethod.GET, "/api/contacts/*").hasAnyRole("caseworker", "admin");
    }
}
