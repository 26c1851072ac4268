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
                // the SMS provider's delivery receipts carry no token: each is authenticated by its HMAC signature
                .requestMatchers(HttpMethod.POST, "/api/callbacks/sms").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/*")
                .hasAnyRole("auditor", "operations", "caseworker")
                .requestMatchers("/api/templates", "/api/templates/**").hasRole("admin")
                .requestMatchers("/api/notification-rules", "/api/notification-rules/*").hasRole("admin")
                // preferences: the channel that serves the client and the caseworker on their case
                .requestMatchers("/api/contacts/*/preferences").hasAnyRole("channel", "caseworker")
                // personal data: only those who act on one client's case, and admins
                .requestMatchers(HttpMethod.GET, "/api/contacts/*").hasAnyRole("caseworker", "admin");
    }
}
