package org.pledge.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.local.Http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SandboxIT {

    static final String SECRET = "test-secret";
    final HttpClient http = HttpClient.newHttpClient();
    SandboxProvider sandbox;
    CallbackReceiver receiver;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    SmsSandbox sms(Path stateFile) throws IOException {
        SmsSandbox sms = new SmsSandbox(0, new SandboxProvider.Settings(SECRET, Duration.ofMillis(200), stateFile, null));
        sandbox = sms;
        return sms;
    }

    PaymentSandbox payments(Path stateFile) throws IOException {
        PaymentSandbox payments = new PaymentSandbox(0,
                new SandboxProvider.Settings(SECRET, Duration.ofMillis(200), stateFile, null));
        sandbox = payments;
        return payments;
    }

    HttpResponse<String> post(String path, String key, String body, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String key, String body) throws Exception {
        return post(path, key, body, Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Http.JSON.readTree(response.body());
    }

    String smsBody(String to) {
        return "{\"to\":\"" + to + "\",\"text\":\"Your case was received\",\"callbackUrl\":\"" + receiver.url() + "\"}";
    }

    /** Worked out here, apart from {@link Hmac}: HMAC-SHA256 over "<timestamp>." + the body. */
    static String expectedSignature(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void sameIdempotencyKey_getsTheSameIdAndOneCallback() throws Exception {
        receiver = new CallbackReceiver(0);
        sms(null);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/v1/messages", key, smsBody("+31612345678"));
        HttpResponse<String> again = post("/v1/messages", key, smsBody("+31612345678"));
        HttpResponse<String> other = post("/v1/messages", UUID.randomUUID().toString(), smsBody("+31612345678"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(first).get("id").asText()).startsWith("sms_").isEqualTo(json(again).get("id").asText());
        assertThat(json(other).get("id").asText()).isNotEqualTo(json(first).get("id").asText());
        assertThat(json(first).get("status").asText()).isEqualTo("ACCEPTED");

        // two distinct requests → two callbacks, never a third for the repeated key
        assertThat(receiver.next(5)).isNotNull();
        assertThat(receiver.next(5)).isNotNull();
        assertThat(receiver.next(1)).isNull();
    }

    @Test
    void reusedKeyWithAnotherRequest_isAConflict_andAMissingKeyIsRefused() throws Exception {
        receiver = new CallbackReceiver(0);
        sms(null);
        String key = UUID.randomUUID().toString();
        assertThat(post("/v1/messages", key, smsBody("+31612345678")).statusCode()).isEqualTo(201);
        assertThat(post("/v1/messages", key, smsBody("+31687654321")).statusCode()).isEqualTo(409);
        assertThat(post("/v1/messages", null, smsBody("+31612345678")).statusCode()).isEqualTo(400);
        assertThat(post("/v1/messages", "k", "{\"text\":\"no number\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void statusLookUpByIdempotencyKeyAndById_followsTheRequestToItsFinalStatus() throws Exception {
        receiver = new CallbackReceiver(0);
        sms(null);
        String key = UUID.randomUUID().toString();
        String id = json(post("/v1/messages", key, smsBody("+31612345678"))).get("id").asText();

        assertThat(json(get("/v1/messages?idempotencyKey=" + key)).get("id").asText()).isEqualTo(id);
        assertThat(receiver.next(5)).isNotNull();
        JsonNode byKey = json(get("/v1/messages?idempotencyKey=" + key));
        assertThat(byKey.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(json(get("/v1/messages/" + id)).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(get("/v1/messages?idempotencyKey=unknown").statusCode()).isEqualTo(404);
        assertThat(get("/v1/messages/sms_unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void callback_isSignedWithHmacSha256OverTheTimestampAndTheBody() throws Exception {
        receiver = new CallbackReceiver(0);
        sms(null);
        String key = UUID.randomUUID().toString();
        String id = json(post("/v1/messages", key, smsBody("+31612345678"))).get("id").asText();

        CallbackReceiver.Received callback = receiver.next(5);

        assertThat(callback).isNotNull();
        assertThat(callback.timestamp()).matches("[0-9]+");
        assertThat(Long.parseLong(callback.timestamp())).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(callback.signature()).isEqualTo(expectedSignature(callback.timestamp(), callback.body()));
        Instant now = Instant.now();
        assertThat(Hmac.verify(SECRET, callback.timestamp(), callback.body(), callback.signature(), now, Duration.ofMinutes(5))).isTrue();
        assertThat(Hmac.verify("another-secret", callback.timestamp(), callback.body(), callback.signature(), now,
                Duration.ofMinutes(5))).isFalse();
        JsonNode event = Http.JSON.readTree(callback.body());
        assertThat(event.get("type").asText()).isEqualTo("sms.delivered");
        assertThat(event.get("id").asText()).isEqualTo(id);
        assertThat(event.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(event.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(event.get("eventId").asText()).isNotBlank();
    }

    @Test
    void failedCallback_isRetried_andANumberEndingIn0000IsNotDelivered() throws Exception {
        receiver = new CallbackReceiver(1);
        sms(null);
        post("/v1/messages", UUID.randomUUID().toString(), smsBody("+31600000000"));

        CallbackReceiver.Received callback = receiver.next(10);

        assertThat(callback).isNotNull();
        assertThat(receiver.calls()).isEqualTo(2);
        JsonNode event = Http.JSON.readTree(callback.body());
        assertThat(event.get("status").asText()).isEqualTo("FAILED");
        assertThat(event.get("type").asText()).isEqualTo("sms.failed");
    }

    @Test
    void failMode_answers5xxWithoutEffect_forTheGivenNumberOfCalls() throws Exception {
        receiver = new CallbackReceiver(0);
        sms(null);
        assertThat(post("/admin/mode", null, "{\"mode\":\"FAIL\",\"status\":502,\"count\":2}").statusCode()).isEqualTo(200);
        String key = UUID.randomUUID().toString();

        assertThat(post("/v1/messages", key, smsBody("+31612345678")).statusCode()).isEqualTo(502);
        assertThat(get("/v1/messages?idempotencyKey=" + key).statusCode()).isEqualTo(502);
        // the mode has run out: back to normal, and the failed call left nothing behind
        assertThat(get("/v1/messages?idempotencyKey=" + key).statusCode()).isEqualTo(404);
        assertThat(post("/v1/messages", key, smsBody("+31612345678")).statusCode()).isEqualTo(201);
    }

    @Test
    void timeoutMode_leavesTheCallerWithoutAnAnswer_butTheRetryFindsTheSameRequest() throws Exception {
        receiver = new CallbackReceiver(0);
        sms(null);
        post("/admin/mode", null, "{\"mode\":\"TIMEOUT\",\"seconds\":3}");
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> post("/v1/messages", key, smsBody("+31612345678"), Duration.ofSeconds(1)))
                .isInstanceOf(HttpTimeoutException.class);

        post("/admin/mode", null, "{\"mode\":\"OK\"}");
        // a loaded machine may still be on it
        HttpResponse<String> lookup = Awaitility.await("the request the timed-out call made").atMost(Duration.ofSeconds(5))
                .pollInSameThread().until(() -> get("/v1/messages?idempotencyKey=" + key), r -> r.statusCode() != 404);
        assertThat(lookup.statusCode()).isEqualTo(200);
        HttpResponse<String> retry = post("/v1/messages", key, smsBody("+31612345678"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).get("id").asText()).isEqualTo(json(lookup).get("id").asText());
    }

    @Test
    void slowMode_delaysTheAnswer() throws Exception {
        receiver = new CallbackReceiver(0);
        sms(null);
        post("/admin/mode", null, "{\"mode\":\"SLOW\",\"delayMillis\":800}");
        assertThat(json(get("/admin/mode")).get("mode").asText()).isEqualTo("SLOW");

        long start = System.nanoTime();
        HttpResponse<String> response = post("/v1/messages", UUID.randomUUID().toString(), smsBody("+31612345678"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(millis).isGreaterThanOrEqualTo(800);
    }

    @Test
    void unknownMode_isRefused() throws Exception {
        sms(null);
        assertThat(post("/admin/mode", null, "{\"mode\":\"EXPLODE\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void payments_settleWithASignedCallback_andBadAmountsAreRefused() throws Exception {
        receiver = new CallbackReceiver(0);
        payments(null);
        String body = "{\"amount\":\"12.50\",\"currency\":\"EUR\",\"creditorName\":\"A. Client\","
                + "\"creditorIban\":\"NL91ABNA0417164300\",\"reference\":\"claim-1\",\"callbackUrl\":\"" + receiver.url() + "\"}";
        String key = "claim-1";

        HttpResponse<String> accepted = post("/v1/payments", key, body);
        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(json(accepted).get("id").asText()).startsWith("pay_");
        assertThat(json(accepted).get("status").asText()).isEqualTo("PENDING");

        CallbackReceiver.Received callback = receiver.next(5);
        assertThat(callback).isNotNull();
        assertThat(callback.signature()).isEqualTo(expectedSignature(callback.timestamp(), callback.body()));
        JsonNode event = Http.JSON.readTree(callback.body());
        assertThat(event.get("type").asText()).isEqualTo("payment.settled");
        assertThat(event.get("request").get("amount").asText()).isEqualTo("12.50");
        assertThat(json(get("/v1/payments?idempotencyKey=" + key)).get("status").asText()).isEqualTo("SETTLED");

        assertThat(post("/v1/payments", "k2", "{\"amount\":12.5,\"currency\":\"EUR\",\"creditorIban\":\"NL91\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/v1/payments", "k3", "{\"amountMinor\":1250,\"currency\":\"euro\",\"creditorIban\":\"NL91\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void payment_isRejected_whenTheIbanEndsIn0000() throws Exception {
        receiver = new CallbackReceiver(0);
        payments(null);
        post("/v1/payments", "claim-2", "{\"amountMinor\":1250,\"currency\":\"EUR\",\"creditorIban\":\"NL00BANK0000000000\","
                + "\"callbackUrl\":\"" + receiver.url() + "\"}");

        CallbackReceiver.Received callback = receiver.next(5);

        assertThat(callback).isNotNull();
        JsonNode event = Http.JSON.readTree(callback.body());
        assertThat(event.get("status").asText()).isEqualTo("REJECTED");
        assertThat(event.get("reason").asText()).isEqualTo("ACCOUNT_CLOSED");
    }

    @Test
    void acceptedPayments_surviveARestartOfTheSandbox(@TempDir Path dir) throws Exception {
        receiver = new CallbackReceiver(0);
        Path state = dir.resolve("payments.json");
        payments(state);
        String body = "{\"amountMinor\":990,\"currency\":\"EUR\",\"creditorIban\":\"NL91ABNA0417164300\"}";
        String id = json(post("/v1/payments", "claim-3", body)).get("id").asText();
        sandbox.close();

        payments(state);
        HttpResponse<String> again = post("/v1/payments", "claim-3", body);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asText()).isEqualTo(id);
    }

    String refundBody(String paymentReference, String amount) {
        return "{\"paymentReference\":\"" + paymentReference + "\",\"amount\":\"" + amount + "\",\"currency\":\"CAD\","
                + "\"reference\":\"R01\",\"callbackUrl\":\"" + receiver.url() + "\"}";
    }

    @Test
    void refund_settlesWithOneSignedCallback_isIdempotent_andFoundByKeyAndId() throws Exception {
        receiver = new CallbackReceiver(0);
        payments(null);
        String key = "R" + UUID.randomUUID().toString().replace("-", "") + "01";

        HttpResponse<String> accepted = post("/v1/refunds", key, refundBody("pay_123", "30.00"));
        HttpResponse<String> again = post("/v1/refunds", key, refundBody("pay_123", "30.00"));
        HttpResponse<String> conflict = post("/v1/refunds", key, refundBody("pay_123", "31.00"));

        assertThat(accepted.statusCode()).isEqualTo(201);
        assertThat(json(accepted).get("id").asText()).startsWith("ref_");
        assertThat(json(accepted).get("status").asText()).isEqualTo("PENDING");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(again).get("id").asText()).isEqualTo(json(accepted).get("id").asText());
        assertThat(conflict.statusCode()).isEqualTo(409);

        CallbackReceiver.Received callback = receiver.next(5);
        assertThat(callback).isNotNull();
        assertThat(callback.signature()).isEqualTo(expectedSignature(callback.timestamp(), callback.body()));
        JsonNode event = Http.JSON.readTree(callback.body());
        assertThat(event.get("type").asText()).isEqualTo("refund.settled");
        assertThat(event.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(event.get("eventId").asText()).isNotBlank();
        assertThat(receiver.next(1)).isNull(); // one refund, one callback

        String id = json(accepted).get("id").asText();
        assertThat(json(get("/v1/refunds?idempotencyKey=" + key)).get("status").asText()).isEqualTo("SETTLED");
        assertThat(json(get("/v1/refunds/" + id)).get("status").asText()).isEqualTo("SETTLED");
        assertThat(get("/v1/refunds?idempotencyKey=unknown").statusCode()).isEqualTo(404);
        // the payments collection knows nothing of it
        assertThat(get("/v1/payments?idempotencyKey=" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void refund_ofAPaymentReferenceEndingIn0000_isRejected_andBadRefundsAreRefused() throws Exception {
        receiver = new CallbackReceiver(0);
        payments(null);
        post("/v1/refunds", "R-rejected", refundBody("pay_0000", "30.00"));

        CallbackReceiver.Received callback = receiver.next(5);

        assertThat(callback).isNotNull();
        JsonNode event = Http.JSON.readTree(callback.body());
        assertThat(event.get("type").asText()).isEqualTo("refund.rejected");
        assertThat(event.get("reason").asText()).isEqualTo("PAYMENT_NOT_REFUNDABLE");
        assertThat(post("/v1/refunds", "k1", "{\"paymentReference\":\"pay_1\",\"amount\":30.0,\"currency\":\"CAD\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/v1/refunds", "k2", "{\"amount\":\"30.00\",\"currency\":\"CAD\"}").statusCode()).isEqualTo(400);
        assertThat(post("/v1/refunds", "k3", "{\"paymentReference\":\"pay_1\",\"amount\":\"-1\",\"currency\":\"CAD\"}")
                .statusCode()).isEqualTo(400);
        assertThat(post("/v1/refunds", null, refundBody("pay_1", "30.00")).statusCode()).isEqualTo(400);
    }

    @Test
    void refund_inTimeoutMode_takesEffectWithoutAnAnswer_andTheLookUpFindsIt() throws Exception {
        receiver = new CallbackReceiver(0);
        payments(null);
        post("/admin/mode", null, "{\"mode\":\"TIMEOUT\",\"seconds\":3,\"count\":1}");
        String key = "R-timeout";

        assertThatThrownBy(() -> post("/v1/refunds", key, refundBody("pay_9", "30.00"), Duration.ofSeconds(1)))
                .isInstanceOf(HttpTimeoutException.class);

        HttpResponse<String> lookup = Awaitility.await("the refund the timed-out call made").atMost(Duration.ofSeconds(5))
                .pollInSameThread().until(() -> get("/v1/refunds?idempotencyKey=" + key), r -> r.statusCode() != 404);
        assertThat(lookup.statusCode()).isEqualTo(200);
        HttpResponse<String> retry = post("/v1/refunds", key, refundBody("pay_9", "30.00"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json(retry).get("id").asText()).isEqualTo(json(lookup).get("id").asText());
    }

    @Test
    void refunds_surviveARestartOfTheSandbox_besideThePayments(@TempDir Path dir) throws Exception {
        receiver = new CallbackReceiver(0);
        Path state = dir.resolve("payments.json");
        payments(state);
        String id = json(post("/v1/refunds", "R-kept", refundBody("pay_5", "12.00"))).get("id").asText();
        sandbox.close();

        payments(state);
        HttpResponse<String> again = post("/v1/refunds", "R-kept", refundBody("pay_5", "12.00"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asText()).isEqualTo(id);
        assertThat(dir.resolve("payments-refunds.json")).exists();
    }
}
