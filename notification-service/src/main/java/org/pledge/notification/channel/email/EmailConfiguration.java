package org.pledge.notification.channel.email;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.pledge.notification.channel.provider.ProviderGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The email channel: {@link EmailSender} over the application's {@link JavaMailSender} ({@code spring.mail.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

    static final String NAME = "email";

    @Bean
    EmailSender emailSender(JavaMailSender mail, EmailProperties properties, Clock clock,
                            ObjectProvider<RateLimiterRegistry> rateLimiters, ObjectProvider<TimeLimiterRegistry> timeLimiters,
                            ObjectProvider<RetryRegistry> retries, ObjectProvider<CircuitBreakerRegistry> breakers) {
        ProviderGuard guard = ProviderGuard.create(NAME, properties.limits(), EmailSender.retried(), rateLimiters, timeLimiters,
                retries, breakers);
        return new EmailSender(mail, guard, properties, clock);
    }
}
