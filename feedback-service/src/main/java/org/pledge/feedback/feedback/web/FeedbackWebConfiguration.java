package org.pledge.feedback.feedback.web;

import java.time.Clock;

import org.pledge.feedback.feedback.config.FeedbackProperties;
import org.pledge.platform.web.ProblemResponseWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The public survey API's rate limit, right after the platform's request-size limit (before security and the body). */
@Configuration(proxyBeanMethods = false)
class FeedbackWebConfiguration {

    @Bean
    FilterRegistrationBean<PublicRateLimitFilter> publicRateLimitFilter(FeedbackProperties properties, ProblemResponseWriter writer,
                                                                        Clock clock) {
        FilterRegistrationBean<PublicRateLimitFilter> registration =
                new FilterRegistrationBean<>(new PublicRateLimitFilter(properties.publicRateLimit(), writer, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns(PublicRateLimitFilter.PREFIX + "*");
        return registration;
    }
}
