package org.pledge.notification.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.sms.FakeSmsProvider.Behaviour.FAIL_503;
import static org.pledge.testsupport.sms.FakeSmsProvider.Behaviour.REFUSE_400;
import static org.pledge.testsupport.sms.FakeSmsProvider.Behaviour.SEND_THEN_TIME_OUT;
import static org.pledge.testsupport.sms.FakeSmsProvider.Behaviour.THROTTLE_429;
import static org.pledge.testsupport.sms.FakeSmsProvider.Behaviour.TIME_OUT;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.channel.api.OutboundMessage;
import org.pledge.notification.channel.api.SendOutcome;
import org.pledge.notification.channel.provider.ProviderGuard;
import org.pledge.notification.channel.provider.ProviderLimits;
import org.pledge.testsupport.sms.FakeSmsProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** {@link SmsSender} against an SMS provider over real HTTP (WireMock, with the provider's idempotency). */
class SmsSenderIT {

    private static final Instant NOW = Instant.parse("2027-01-15T14:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String CALLBACK = "http://localhost:8083/api/callbacks/sms";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeSmsProvider provider;

    private ProviderGuard guard;
    private SmsSender sender;

    @BeforeAll
    static void startProvider() {
        provider = new FakeSmsProvider();
        provider.slowAnswer(Duration.ofMillis(2_500));
        // the provider's first answer is slow (its server warms up): not a time-out any test means
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.send(java.net.http.HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/v1/messages?idempotencyKey=warm-up")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @AfterEach
    void closeSender() {
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    void send_postsUnderOurReference_andIsAccepted_awaitingTheReceipt() throws IOException {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted(provider.providerId(reference), NOW));
        assertThat(provider.sent(reference)).isEqualTo(1);
        var post = provider.requestsOf("POST", reference).get(0);
        assertThat(post.getHeader("Idempotency-Key")).isEqualTo(reference);
        JsonNode body = JSON.readTree(post.getBodyAsString());
        assertThat(body.path("to").asText()).isEqualTo("+15145550123");
        assertThat(body.path("text").asText()).isEqualTo("Pledge : nous avons reçu votre demande. Réponse d'ici le 15 janvier 2027.");
        assertThat(body.path("callbackUrl").asText()).isEqualTo(CALLBACK);
        assertThat(provider.requests("GET", reference)).as("no look-up for a first send").isZero();
    }

    @Test
    void send_retries5xx_thenIsATemporaryFailure() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        provider.script(reference, FAIL_503, FAIL_503, FAIL_503);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("http-503"));
        assertThat(provider.requests("POST", reference)).as("3 attempts in all").isEqualTo(3);
        assertThat(provider.sent(reference)).isZero();
    }

    @Test
    void send_retries5xx_andIsAccepted_whenTheProviderRecovers() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        provider.script(reference, FAIL_503);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(provider.requests("POST", reference)).isEqualTo(2);
        assertThat(provider.sent(reference)).isEqualTo(1);
    }

    @Test
    void send_retries429_thenIsATemporaryFailure() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        provider.retryAfter(0);
        provider.script(reference, THROTTLE_429, THROTTLE_429, THROTTLE_429);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("http-429"));
        assertThat(provider.requests("POST", reference)).isEqualTo(3);
        assertThat(provider.sent(reference)).isZero();
    }

    @Test
    void send_doesNotWaitWithinTheSend_whenRetryAfterIsBeyondItsBound() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        provider.retryAfter(3600);
        provider.script(reference, THROTTLE_429, THROTTLE_429, THROTTLE_429);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("http-429"));
        assertThat(provider.requests("POST", reference)).as("left to the notification's own schedule").isEqualTo(1);
    }

    @Test
    void send_retriesTimeOuts_lookingTheMessageUpBeforeEachResend_thenIsATemporaryFailure() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        provider.script(reference, TIME_OUT, TIME_OUT, TIME_OUT);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("timeout"));
        assertThat(provider.requests("POST", reference)).isEqualTo(3);
        assertThat(provider.requests("GET", reference)).as("a look-up before each of the 2 resends").isEqualTo(2);
        assertThat(provider.sent(reference)).isZero();
    }

    @Test
    void send_looksUpAfterATimeOut_andFindsTheMessageTheProviderTook_sendingItOnce() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        provider.script(reference, SEND_THEN_TIME_OUT);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted(provider.providerId(reference), NOW));
        assertThat(provider.requests("POST", reference)).as("no resend").isEqualTo(1);
        assertThat(provider.requests("GET", reference)).isEqualTo(1);
        assertThat(provider.sent(reference)).isEqualTo(1);
    }

    @Test
    void send_looksUpFirst_whenTheMessageMayHaveBeenSent_andAnswersWhatTheProviderHas() {
        sender = sender(provider.baseUrl(), 100);
        String delivered = reference();
        String failed = reference();
        sender.send(sms(delivered, false));
        sender.send(sms(failed, false));
        provider.complete(delivered, "DELIVERED", null);
        provider.complete(failed, "FAILED", "UNREACHABLE");

        assertThat(sender.send(sms(delivered, true))).isEqualTo(new SendOutcome.Delivered(provider.providerId(delivered), NOW));
        assertThat(sender.send(sms(failed, true))).isEqualTo(new SendOutcome.PermanentFailure("unreachable"));
        assertThat(provider.requests("POST", delivered)).isEqualTo(1);
        assertThat(provider.requests("POST", failed)).isEqualTo(1);
        assertThat(provider.sent(delivered) + provider.sent(failed)).isEqualTo(2);
    }

    @Test
    void send_sendsAfterTheLookUp_whenTheProviderHasNoMessageUnderTheReference() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();

        SendOutcome outcome = sender.send(sms(reference, true));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(provider.requests("GET", reference)).isEqualTo(1);
        assertThat(provider.sent(reference)).isEqualTo(1);
    }

    @Test
    void send_isAPermanentFailure_atOnce_whenTheProviderRefusesTheNumber() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        provider.script(reference, REFUSE_400);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("http-400"));
        assertThat(provider.requests("POST", reference)).isEqualTo(1);
    }

    @Test
    void send_isAPermanentFailure_withoutACall_whenTheAddressIsNoInternationalNumber() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        OutboundMessage local = new OutboundMessage(reference, "n-1", Channel.SMS, "en", "Élodie Tremblay", "514-555-0123", null,
                "Hello", false);

        assertThat(sender.send(local)).isEqualTo(new SendOutcome.PermanentFailure("invalid-number"));
        assertThat(provider.requests("POST", reference)).isZero();
    }

    @Test
    void send_retriesOnlyWithinTheRateLimit() {
        // two calls per hour, no wait for a permit: the third call of the send never reaches the provider
        sender = sender(provider.baseUrl(), 2);
        String reference = reference();
        provider.script(reference, FAIL_503, FAIL_503, FAIL_503);

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("rate-limited"));
        assertThat(provider.requests("POST", reference)).isEqualTo(2);
        assertThat(provider.requests("GET", reference)).isZero();
    }

    @Test
    void send_isATemporaryFailure_withoutACall_whileTheCircuitIsOpen() {
        sender = sender(provider.baseUrl(), 100);
        String reference = reference();
        guard.circuitBreaker().transitionToOpenState();

        SendOutcome outcome = sender.send(sms(reference, false));

        assertThat(outcome).isEqualTo(new SendOutcome.TemporaryFailure("circuit-open"));
        assertThat(provider.requests("POST", reference)).isZero();
    }

    @Test
    void send_isATemporaryFailure_whenTheProviderIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        sender = sender("http://127.0.0.1:" + closedPort, 100);

        assertThat(sender.send(sms(reference(), false))).isEqualTo(new SendOutcome.TemporaryFailure("connection"));
    }

    @Test
    void reasonCode_isAShortCode_neverTheProvidersFreeText() {
        assertThat(SmsSender.reasonCode("UNREACHABLE")).isEqualTo("unreachable");
        assertThat(SmsSender.reasonCode("NUMBER_BLOCKED")).isEqualTo("number-blocked");
        assertThat(SmsSender.reasonCode("the number +15145550000 is off")).isEqualTo("failed");
        assertThat(SmsSender.reasonCode(null)).isEqualTo("failed");
    }

    private SmsSender sender(String baseUrl, int callsPerHour) {
        ProviderLimits.Retry retry = new ProviderLimits.Retry(3, Duration.ofMillis(20), 2.0, 0.5, Duration.ofSeconds(1));
        ProviderLimits.CircuitBreaker breaker = new ProviderLimits.CircuitBreaker(50, 20, 10, Duration.ofMinutes(1));
        Duration callTimeout = Duration.ofMillis(1_000);
        ProviderLimits limits = new ProviderLimits(callsPerHour, Duration.ofHours(1), Duration.ZERO, callTimeout, retry, breaker);
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        guard = ProviderGuard.create("sms", limits, SmsSender.retried(), none.getBeanProvider(RateLimiterRegistry.class),
                none.getBeanProvider(TimeLimiterRegistry.class), none.getBeanProvider(RetryRegistry.class),
                none.getBeanProvider(CircuitBreakerRegistry.class));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        SmsProvider api = new SmsProvider(http, URI.create(baseUrl), guard, callTimeout, JSON, CLOCK);
        return new SmsSender(api, guard, CALLBACK, CLOCK);
    }

    private static String reference() {
        return "n-" + UUID.randomUUID() + ".SMS";
    }

    private static OutboundMessage sms(String reference, boolean mayHaveBeenSent) {
        return new OutboundMessage(reference, "n-1", Channel.SMS, "fr-CA", "Élodie Tremblay", "+15145550123", null,
                "Pledge : nous avons reçu votre demande. Réponse d'ici le 15 janvier 2027.", mayHaveBeenSent);
    }
}
