package org.pledge.feedback.config;

import org.pledge.platform.security.PledgeHttpSecurityCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** feedback-service's path→role rules. */
@Configuration(proxyBeanMethods = false)
class FeedbackSecurity {

    @Bean
    PledgeHttpSecurityCustomizer feedbackRules() {
        return rules -> rules.requestMatchers("/api/feedback/summary").hasRole("operations");
    }
}
