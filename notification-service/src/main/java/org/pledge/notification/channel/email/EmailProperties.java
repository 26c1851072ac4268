package org.pledge.notification.channel.email;

import java.time.Duration;

import org.pledge.notification.channel.provider.ProviderLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.email.*}: who the emails come from and how hard the SMTP server is pressed (the server itself is
 * {@code spring.mail.*}).
 *
 * @param from            the From address, e.g. {@code Pledge <notifications@pledge.example>}
 * @param messageIdDomain the right-hand side of our Message-IDs ({@code <reference@domain>}); empty: the From
 *                        address's domain
 * @param rateLimit       SMTP sessions per {@code ratePeriod} (the relay's limit)
 * @param ratePeriod      the period of the rate limit
 * @param rateWait        the longest a send waits for a permit
 * @param callTimeout     the time limit of one SMTP session (connect, MAIL, RCPT, DATA)
 * @param retry           the immediate retries within one send (SMTP 4xx and refused connections only)
 * @param circuitBreaker  the circuit breaker around the SMTP server
 */
@ConfigurationProperties("pledge.email")
public record EmailProperties(
        @DefaultValue("Pledge <notifications@pledge.localhost>") String from,
        @DefaultValue("") String messageIdDomain,
        @DefaultValue("14") int rateLimit,
        @DefaultValue("1s") Duration ratePeriod,
        @DefaultValue("5s") Duration rateWait,
        @DefaultValue("30s") Duration callTimeout,
        @DefaultValue ProviderLimits.Retry retry,
        @DefaultValue ProviderLimits.CircuitBreaker circuitBreaker) {

    public ProviderLimits limits() {
        return new ProviderLimits(rateLimit, ratePeriod, rateWait, callTimeout, retry, circuitBreaker);
    }
}
