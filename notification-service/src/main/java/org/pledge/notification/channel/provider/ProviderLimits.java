package org.pledge.notification.channel.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard a channel presses its provider, the same shape for every provider (each channel's properties carry these
 * under its own prefix, e.g. {@code pledge.sms.rate-limit}).
 *
 * @param rateLimit      calls allowed per {@code ratePeriod}: the provider's own limit (every HTTP call or SMTP
 *                       session counts, look-ups included)
 * @param ratePeriod     the period of the rate limit
 * @param rateWait       the longest a send waits for a permit before it answers a temporary failure
 * @param callTimeout    the time limit of one call
 * @param retry          the immediate retries within one send
 * @param circuitBreaker the circuit breaker around the provider
 */
public record ProviderLimits(int rateLimit, Duration ratePeriod, Duration rateWait, Duration callTimeout, Retry retry,
                             CircuitBreaker circuitBreaker) {

    /**
     * @param maxAttempts    calls per send, the first included
     * @param initialBackOff the pause before the first retry; then times {@code multiplier}, with jitter
     * @param multiplier     the growth of the pause
     * @param jitter         the randomisation factor (0.5: each pause is ±50 %)
     * @param maxRetryAfter  the longest {@code Retry-After} honoured within a send; a longer one ends the send with a
     *                       temporary failure (the notification's own schedule tries again later)
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration initialBackOff,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("0.5") double jitter,
                        @DefaultValue("10s") Duration maxRetryAfter) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindowSize    the calls counted
     * @param minimumCalls         the calls needed before the rate counts
     * @param openFor              how long the circuit stays open before it lets a trial call through
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
                                 @DefaultValue("10") int minimumCalls, @DefaultValue("30s") Duration openFor) {
    }
}
