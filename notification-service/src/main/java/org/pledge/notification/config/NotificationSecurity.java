package org.pledge.notification.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** notification-service's path→role rules. */
@Configuration(proxyBeanMethods = false)
class NotificationSecurity {

    @Bean
    PledgeHttpSecurityCustomizer notificationRules() {
        return rules -> rules.requestMatchers("/api/notifications/**").hasAnyRole("auditor", "operations", "caseworker");
    }
}
