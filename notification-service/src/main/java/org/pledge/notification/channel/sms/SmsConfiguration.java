package org.pledge.notification.channel.sms;

import java.net.http.HttpClient;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.pledge.notification.channel.provider.ProviderGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS channel: {@link SmsSender} over {@link SmsProvider}, behind the {@code sms} Resilience4j instances. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    static final String NAME = "sms";

    @Bean
    SmsSender smsSender(SmsProperties properties, ObjectMapper json, Clock clock,
                        ObjectProvider<RateLimiterRegistry> rateLimiters, ObjectProvider<TimeLimiterRegistry> timeLimiters,
                        ObjectProvider<RetryRegistry> retries, ObjectProvider<CircuitBreakerRegistry> breakers) {
        ProviderGuard guard = ProviderGuard.create(NAME, properties.limits(), SmsSender.retried(), rateLimiters, timeLimiters,
                retries, breakers);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.callTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        SmsProvider provider = new SmsProvider(http, properties.baseUrl(), guard, properties.callTimeout(), json, clock);
        return new SmsSender(provider, guard, properties.callbackUrl(), clock);
    }
}
