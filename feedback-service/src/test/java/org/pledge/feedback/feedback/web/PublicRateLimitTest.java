package org.pledge.feedback.feedback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledge.feedback.feedback.config.FeedbackProperties;
import org.pledge.testsupport.time.MutableClock;
import org.springframework.mock.web.MockHttpServletRequest;

/** The per-address window of the public API's rate limit, and which address a request counts against. */
class PublicRateLimitTest {

    private static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");
    private final FeedbackProperties.PublicRateLimit limit =
            new FeedbackProperties.PublicRateLimit(3, Duration.ofMinutes(1), List.of("10.0.0.1", "10.0.0.2"), 2);
    private final PublicRateLimitFilter filter = new PublicRateLimitFilter(limit, null, new MutableClock(T0));

    @Test
    void admit_allowsTheLimitPerWindow_thenAnswersTheSecondsLeft() {
        assertThat(filter.admit("a", T0)).isZero();
        assertThat(filter.admit("a", T0.plusSeconds(10))).isZero();
        assertThat(filter.admit("a", T0.plusSeconds(20))).isZero();
        // the window started at T0 and ends at T0 + 60 s: 40 s left at T0 + 20 s, 30.5 s (rounded up: 31) at T0 + 29.5 s
        assertThat(filter.admit("a", T0.plusSeconds(20))).isEqualTo(40);
        assertThat(filter.admit("a", T0.plusMillis(29_500))).isEqualTo(31);
        assertThat(filter.admit("b", T0.plusSeconds(20))).isZero();
    }

    @Test
    void admit_startsAFreshWindow_whenTheLastOneEnded() {
        for (int i = 0; i < 3; i++) {
            filter.admit("a", T0);
        }
        assertThat(filter.admit("a", T0.plusSeconds(59))).isEqualTo(1);
        assertThat(filter.admit("a", T0.plusSeconds(60))).isZero();
    }

    @Test
    void admit_forgetsTheLeastRecentlySeenAddress_beyondMaxClients() {
        for (int i = 0; i < 3; i++) {
            filter.admit("a", T0);
        }
        filter.admit("b", T0);
        filter.admit("c", T0); // max 2 addresses: "a" is forgotten, so it starts afresh
        assertThat(filter.admit("a", T0)).isZero();
    }

    @Test
    void clientAddress_isThePeer_whenThePeerIsNoTrustedProxy() {
        assertThat(new ClientAddresses(limit.trustedProxies()).of(request("203.0.113.5", "198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void clientAddress_isTheRightmostUntrustedForwardedAddress_behindTrustedProxies() {
        // the client sent its own X-Forwarded-For (a lie), the outer proxy 10.0.0.2 appended the real peer, 10.0.0.1 forwarded
        assertThat(new ClientAddresses(limit.trustedProxies()).of(request("10.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void clientAddress_isTheProxy_whenItForwardedNothing() {
        assertThat(new ClientAddresses(limit.trustedProxies()).of(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/surveys/t/responses");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader(ClientAddresses.FORWARDED_FOR, forwardedFor);
        }
        return request;
    }
}
