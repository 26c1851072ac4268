package org.pledge.guarantee.payout.integration;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pledge.guarantee.payout.query.ProviderRefunds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payout feature's wiring: the provider client with its Resilience4j time limiter, retry and circuit breaker
 * (named {@code payment-provider}, registered in the application's registries so actuator and metrics show them),
 * the attempts and their workers, and the sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PayoutConfiguration {

    static final String NAME = "payment-provider";

    /**
     * A failure in the payout's processors is retried (the processor backs off and handles the event again) instead of
     * being logged and skipped: a skipped instruction or outcome would be a refund never paid or never recorded.
     */
    @Bean
    ConfigurerModule payoutErrorHandling() {
        return configurer -> {
            for (String group : new String[] {ProviderRefundProcessor.GROUP, ClaimOutcomes.GROUP, ProviderRefunds.PROJECTION_GROUP}) {
                configurer.eventProcessing()
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                        .registerErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        };
    }

    @Bean
    PaymentProvider paymentProvider(PaymentProperties properties, ObjectMapper json, ObjectProvider<TimeLimiterRegistry> registry) {
        TimeLimiterConfig config = TimeLimiterConfig.custom()
                .timeoutDuration(properties.callTimeout())
                .cancelRunningFuture(true)
                .build();
        TimeLimiter timeLimiter = registry.getIfAvailable(TimeLimiterRegistry::ofDefaults).timeLimiter(NAME, config);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.callTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new PaymentProvider(http, properties.baseUrl(), timeLimiter, json);
    }

    @Bean
    ProviderRefundAttempts providerRefundAttempts(CommandGateway commands, PaymentProvider provider, PaymentProperties properties,
                                                  ObjectProvider<RetryRegistry> retries,
                                                  ObjectProvider<CircuitBreakerRegistry> breakers, Clock clock) {
        PaymentProperties.Retry retry = properties.retry();
        RetryConfig retryConfig = RetryConfig.custom()
                .maxAttempts(Math.max(1, retry.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retry.initialBackOff(), retry.multiplier(),
                        retry.jitter()))
                .retryOnException(e -> e instanceof PaymentProvider.Unavailable)
                .build();
        PaymentProperties.CircuitBreaker breaker = properties.circuitBreaker();
        CircuitBreakerConfig breakerConfig = CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .waitDurationInOpenState(breaker.openFor())
                // half-open by itself after open-for: the attempts skip an open circuit, so no call would move it
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(e -> e instanceof PaymentProvider.Unavailable)
                .build();
        return new ProviderRefundAttempts(commands, provider,
                retries.getIfAvailable(RetryRegistry::ofDefaults).retry(NAME, retryConfig),
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker(NAME, breakerConfig),
                properties, workers(), clock);
    }

    @Bean
    ProviderRefundSweep providerRefundSweep(ProviderRefunds refunds, ProviderRefundAttempts attempts, PaymentProperties properties,
                                            Clock clock) {
        return new ProviderRefundSweep(refunds, attempts, properties, clock);
    }

    /** The threads that talk to the provider and record the outcome, outside any unit of work. */
    private static ExecutorService workers() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "provider-refund-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
