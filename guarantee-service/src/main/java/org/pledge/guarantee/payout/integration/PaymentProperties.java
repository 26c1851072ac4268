package org.pledge.guarantee.payout.integration;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.payments.*}: the payment provider's refund API, its callbacks, and how hard we try.
 *
 * @param baseUrl            the provider's base URL ({@code POST <base>/v1/refunds}, look-ups under it)
 * @param callbackUrl        where the provider sends its callbacks for our refunds (this service's
 *                           {@code /callbacks/payments} as the provider reaches it)
 * @param callbackSecret     the shared secret of the callbacks' HMAC-SHA256 signature
 * @param callbackTolerance  how old a callback's signature timestamp may be
 * @param callbackClockSkew  how far in the future a callback's signature timestamp may be (the provider's clock may run ahead)
 * @param callbackMaxBytes   the largest callback body accepted
 * @param callTimeout        the time limit of one HTTP call (a send or a look-up)
 * @param retry              the immediate retries of one attempt (Resilience4j)
 * @param circuitBreaker     the circuit breaker around the provider (Resilience4j)
 * @param attempts           the later attempts, each a persisted schedule entry
 * @param lease              how long an attempt holds the refund before another caller may take it over (after a crash);
 *                           also how often a refund the provider has accepted but not settled is polled
 * @param sweepInterval      how often the due attempts are looked for
 */
@ConfigurationProperties("pledge.payments")
public record PaymentProperties(
        @DefaultValue("http://localhost:9102") URI baseUrl,
        @DefaultValue("http://localhost:8084/callbacks/payments") String callbackUrl,
        @DefaultValue("payments-sandbox-secret") String callbackSecret,
        @DefaultValue("5m") Duration callbackTolerance,
        @DefaultValue("1m") Duration callbackClockSkew,
        @DefaultValue("65536") int callbackMaxBytes,
        @DefaultValue("5s") Duration callTimeout,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Attempts attempts,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5s") Duration sweepInterval) {

    /**
     * @param maxAttempts    calls per attempt, the first included
     * @param initialBackOff the pause before the first retry; then times {@code multiplier}, with jitter
     * @param jitter         the randomisation factor (0.5: each pause is ±50 %)
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackOff,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("0.5") double jitter) {
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

    /**
     * @param max            attempts in all before the refund goes back to finance (RETRIES_EXHAUSTED)
     * @param initialBackOff the pause before the second attempt; then doubled, at most {@code maxBackOff}
     * @param maxBackOff     the longest pause between two attempts
     */
    public record Attempts(@DefaultValue("8") int max, @DefaultValue("1m") Duration initialBackOff,
                           @DefaultValue("1h") Duration maxBackOff) {

        /** The pause after attempt {@code attempt} (1-based) failed. */
        public Duration backOffAfter(int attempt) {
            long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
            Duration pause = initialBackOff.multipliedBy(factor);
            return pause.compareTo(maxBackOff) > 0 ? maxBackOff : pause;
        }
    }
}
