package org.pledge.notification.channel.sms;

import java.net.URI;
import java.time.Duration;

import org.pledge.notification.channel.provider.ProviderLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.sms.*}: the SMS provider's API, its delivery receipts, and how hard it is pressed.
 *
 * @param baseUrl           the provider's base URL ({@code POST <base>/v1/messages}, look-ups under it)
 * @param callbackUrl       where the provider sends its delivery receipts: this service's {@code /api/callbacks/sms} as
 *                          the provider reaches it (empty: no receipts are asked for)
 * @param callbackSecret    the shared secret of the receipts' HMAC-SHA256 signature (production: from the environment)
 * @param callbackTolerance how old a receipt's signature timestamp may be
 * @param callbackClockSkew how far in the future a receipt's signature timestamp may be (the provider's clock may run ahead)
 * @param callbackMaxBytes  the largest receipt body accepted
 * @param rateLimit         API calls per {@code ratePeriod} (the provider's limit; look-ups count)
 * @param ratePeriod        the period of the rate limit
 * @param rateWait          the longest a send waits for a permit before it answers a temporary failure
 * @param callTimeout       the time limit of one HTTP call (a send or a look-up)
 * @param retry             the immediate retries within one send (time-outs, 429 and 5xx)
 * @param circuitBreaker    the circuit breaker around the provider
 */
@ConfigurationProperties("pledge.sms")
public record SmsProperties(
        @DefaultValue("http://localhost:9101") URI baseUrl,
        @DefaultValue("http://localhost:8083/api/callbacks/sms") String callbackUrl,
        @DefaultValue("sms-sandbox-secret") String callbackSecret,
        @DefaultValue("5m") Duration callbackTolerance,
        @DefaultValue("1m") Duration callbackClockSkew,
        @DefaultValue("65536") int callbackMaxBytes,
        @DefaultValue("10") int rateLimit,
        @DefaultValue("1s") Duration ratePeriod,
        @DefaultValue("5s") Duration rateWait,
        @DefaultValue("5s") Duration callTimeout,
        @DefaultValue ProviderLimits.Retry retry,
        @DefaultValue ProviderLimits.CircuitBreaker circuitBreaker) {

    public ProviderLimits limits() {
        return new ProviderLimits(rateLimit, ratePeriod, rateWait, callTimeout, retry, circuitBreaker);
    }
}
