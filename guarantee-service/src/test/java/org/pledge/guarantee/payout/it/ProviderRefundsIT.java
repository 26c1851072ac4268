package org.pledge.guarantee.payout.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pledge.guarantee.GuaranteeServiceApplication;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.api.RefundIds;
import org.pledge.guarantee.claim.api.RefundInstructedEvent;
import org.pledge.testsupport.payments.FakeRefundProvider;
import org.pledge.testsupport.payments.FakeRefundProvider.Behaviour;
import org.pledge.guarantee.payout.query.ProviderRefundDocument;
import org.pledge.guarantee.payout.query.ProviderRefunds;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.platform.web.CallbackSignature;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.await.Eventually;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provider refunds against a real HTTP provider (WireMock with the provider's own idempotency, {@link FakeRefundProvider}),
 * guarantee-service on the embedded infrastructure: in every case the provider pays exactly once per refund, and the
 * refund ends settled. Refunds are instructed as the claim instructs them: a {@link RefundInstructedEvent} in the
 * event store, taken up by the {@code provider-refunds} processor.
 */
@SpringBootTest(classes = GuaranteeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "pledge.payments.call-timeout=1s",
                "pledge.payments.retry.max-attempts=3",
                "pledge.payments.retry.initial-back-off=100ms",
                "pledge.payments.attempts.initial-back-off=1s",
                "pledge.payments.attempts.max=4",
                "pledge.payments.lease=3s",
                "pledge.payments.sweep-interval=500ms",
                // the failures these tests cause on purpose must not open the circuit for the others
                "pledge.payments.circuit-breaker.minimum-calls=1000",
                "pledge.payments.callback-secret=" + ProviderRefundsIT.SECRET,
                "pledge.payments.callback-url="})
@ContextConfiguration(initializers = PledgeTestInitializer.class)
class ProviderRefundsIT {

    static final String SECRET = "it-callback-secret";
    private static final Duration SETTLES = Duration.ofSeconds(60);
    private static final FakeRefundProvider PROVIDER = new FakeRefundProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("pledge.payments.base-url", PROVIDER::baseUrl);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    EventGateway events;

    @Autowired
    ProviderRefunds refunds;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void providerTimesOutAfterPaying_looksUpBeforeTheRetry_andPaysOnce() {
        String refundId = newRefundId();
        PROVIDER.script(refundId, Behaviour.PAY_THEN_TIME_OUT);

        instruct(refundId, "pay_timeout");

        awaitStatus(refundId, "SETTLED");
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);
        assertThat(PROVIDER.requests("POST", refundId)).isEqualTo(1); // the look-up found it: never sent again
        assertThat(PROVIDER.requests("GET", refundId)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void provider503_thenOk_paysOnce() {
        String refundId = newRefundId();
        PROVIDER.script(refundId, Behaviour.FAIL_503, Behaviour.FAIL_503);

        instruct(refundId, "pay_503");

        awaitStatus(refundId, "SETTLED");
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);
        assertThat(PROVIDER.requests("POST", refundId)).isEqualTo(3);
    }

    @Test
    void connectionResetAfterPaying_paysOnce() {
        String refundId = newRefundId();
        PROVIDER.script(refundId, Behaviour.PAY_THEN_RESET);

        instruct(refundId, "pay_reset");

        awaitStatus(refundId, "SETTLED");
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);
        assertThat(PROVIDER.requests("POST", refundId)).isEqualTo(1);
    }

    @Test
    void connectionResetWithoutPaying_sendsAgain_andPaysOnce() {
        String refundId = newRefundId();
        PROVIDER.script(refundId, Behaviour.RESET);

        instruct(refundId, "pay_reset2");

        awaitStatus(refundId, "SETTLED");
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);
        assertThat(PROVIDER.requests("POST", refundId)).isEqualTo(2);
    }

    @Test
    void providerDownForAWholeAttempt_isRetriedLaterFromTheSchedule_andPaysOnce() {
        String refundId = newRefundId();
        // the three calls of attempt 1 fail; attempt 2, from the persisted schedule, looks up (none) and sends
        PROVIDER.script(refundId, Behaviour.FAIL_503, Behaviour.FAIL_503, Behaviour.FAIL_503);

        instruct(refundId, "pay_down");

        awaitStatus(refundId, "SETTLED");
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);
        assertThat(refunds.find(refundId)).get().extracting(ProviderRefundDocument::attempts).isEqualTo(2);
    }

    @Test
    void instructionDeliveredTwice_paysOnce() {
        String refundId = newRefundId();
        instruct(refundId, "pay_twice");
        instruct(refundId, "pay_twice");

        awaitStatus(refundId, "SETTLED");
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);
    }

    @Test
    void callbacks_settleOnce_whateverTheirOrder_andBadOnesAreRefused() throws Exception {
        String refundId = newRefundId();
        instruct(refundId, "pay_callback");
        Eventually.await("accepted by the provider", SETTLES).until(() -> PROVIDER.payments(refundId) == 1);
        String providerId = PROVIDER.providerId(refundId);
        String settled = callback(providerId + "-settled", "refund.settled", providerId, refundId, "SETTLED");
        String pending = callback(providerId + "-pending", "refund.pending", providerId, refundId, "PENDING");
        long now = Instant.now().getEpochSecond();

        // bad, stale and missing signatures: 401 problems, nothing recorded
        HttpResponse<String> bad = post(settled, String.valueOf(now), CallbackSignature.sign("wrong", now, bytes(settled)));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(bad.body()).contains("urn:pledge:problem:payment.signature-invalid");
        long stale = now - 600;
        assertThat(post(settled, String.valueOf(stale), CallbackSignature.sign(SECRET, stale, bytes(settled))).body())
                .contains("payment.signature-stale");
        long future = now + 600;
        assertThat(post(settled, String.valueOf(future), CallbackSignature.sign(SECRET, future, bytes(settled))).body())
                .contains("payment.signature-stale");
        HttpResponse<String> missing = post(settled, null, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("payment.signature-missing");

        // settled, settled again, then the pending that was overtaken: settled once
        assertThat(signedPost(settled).statusCode()).isEqualTo(204);
        assertThat(signedPost(settled).statusCode()).isEqualTo(204);
        assertThat(signedPost(pending).statusCode()).isEqualTo(204);
        awaitStatus(refundId, "SETTLED");
        assertThat(refunds.find(refundId)).get().extracting(ProviderRefundDocument::providerRefundId).isEqualTo(providerId);
        assertThat(PROVIDER.payments(refundId)).isEqualTo(1);

        // a refund we never asked for: 404; not JSON: 400
        String unknown = callback("x-settled", "refund.settled", "ref_x", newRefundId(), "SETTLED");
        assertThat(signedPost(unknown).body()).contains("payment.refund-unknown");
        assertThat(signedPost("not json").body()).contains("payment.callback-invalid");
        // a body above pledge.payments.callback-max-bytes (64 KiB) is refused before anything else
        HttpResponse<String> tooLarge = signedPost("{\"pad\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("payment.callback-too-large");
    }

    // ---------------------------------------------------------------- helpers

    private static String newRefundId() {
        return RefundIds.of(UUID.randomUUID().toString(), 1);
    }

    private void instruct(String refundId, String paymentReference) {
        events.publish(new RefundInstructedEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), refundId,
                new Money(new BigDecimal("30.00"), "CAD"), PayoutMethod.ORIGINAL_PAYMENT_METHOD, paymentReference, null,
                "PASSPORT", Instant.now()));
    }

    private void awaitStatus(String refundId, String status) {
        Eventually.await("refund " + status, SETTLES).until(() -> refunds.find(refundId)
                .map(document -> status.equals(document.status())).orElse(false));
    }

    private static String callback(String eventId, String type, String providerId, String refundId, String status) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"id\":\"" + providerId
                + "\",\"idempotencyKey\":\"" + refundId + "\",\"status\":\"" + status + "\"}";
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> signedPost(String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        return post(body, String.valueOf(now), CallbackSignature.sign(SECRET, now, bytes(body)));
    }

    private HttpResponse<String> post(String body, String timestamp, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/callbacks/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(CallbackSignature.TIMESTAMP, timestamp);
        }
        if (signature != null) {
            request.header(CallbackSignature.SIGNATURE, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
