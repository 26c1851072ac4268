package org.pledge.guarantee.payout.integration;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.payout.api.ProviderRefundStatus;

/**
 * The payment provider's refund API over HTTP (JDK {@link HttpClient}), each call under a Resilience4j
 * {@link TimeLimiter}:
 * <ul>
 * <li>{@code POST /v1/refunds} with {@code Idempotency-Key: <refund id>} and {@code {"paymentReference", "amount"
 *     (decimal string), "currency", "reference", "callbackUrl"}}: 201 (new) or 200 (the same key again) with
 *     {@code {"id", "status": PENDING|SETTLED|REJECTED, "reason"?}}; 409 when the key was used with another body;</li>
 * <li>{@code GET /v1/refunds?idempotencyKey=<refund id>}: 200 with the refund, 404 when the provider has none.</li>
 * </ul>
 * Time-outs, resets, 5xx, 408 and 429 are {@link Unavailable} (the outcome of a send is then unknown); other 4xx are
 * {@link Refused}.
 */
public class PaymentProvider {

    static final String REFUNDS = "/v1/refunds";

    private final HttpClient http;
    private final URI base;
    private final TimeLimiter timeLimiter;
    private final ObjectMapper json;

    public PaymentProvider(HttpClient http, URI base, TimeLimiter timeLimiter, ObjectMapper json) {
        this.http = http;
        this.base = base;
        this.timeLimiter = timeLimiter;
        this.json = json;
    }

    /** What the provider says about a refund. */
    public record Answer(String providerRefundId, ProviderRefundStatus status, String reason) {
    }

    /** No usable answer: the call may or may not have taken effect. {@code problem} is a short code. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String problem, Throwable cause) {
            super(problem, cause, false, false);
        }

        public String problem() {
            return getMessage();
        }
    }

    /** The provider refused the refund for good. */
    public static class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }

        public String reason() {
            return getMessage();
        }
    }

    /** The key was used before with another request: look it up. */
    public static class KeyConflict extends RuntimeException {
        public KeyConflict() {
            super("IDEMPOTENCY_CONFLICT", null, false, false);
        }
    }

    /** Sends the refund under its key (safe to repeat: the provider pays a key once). */
    public Answer send(String refundId, Money amount, String paymentReference, String callbackUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paymentReference", paymentReference);
        body.put("amount", amount.amount().toPlainString());
        body.put("currency", amount.currency());
        body.put("reference", refundId);
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            body.put("callbackUrl", callbackUrl);
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(REFUNDS))
                .timeout(timeLimiter.getTimeLimiterConfig().getTimeoutDuration().plusSeconds(1))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", refundId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<byte[]> response = call(request);
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return answer(response);
        }
        if (status == 409) {
            throw new KeyConflict();
        }
        throw failure(status);
    }

    /** The refund the provider holds under {@code refundId}, or empty when it has none. */
    public Optional<Answer> lookUp(String refundId) {
        URI uri = base.resolve(REFUNDS + "?idempotencyKey=" + URLEncoder.encode(refundId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeLimiter.getTimeLimiterConfig().getTimeoutDuration().plusSeconds(1))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = call(request);
        int status = response.statusCode();
        if (status == 200) {
            return Optional.of(answer(response));
        }
        if (status == 404) {
            return Optional.empty();
        }
        // whatever else: it tells nothing about the refund, so try again later
        throw new Unavailable("LOOK_UP_HTTP_" + status, null);
    }

    private RuntimeException failure(int status) {
        if (status >= 500 || status == 408 || status == 429) {
            return new Unavailable("HTTP_" + status, null);
        }
        return new Refused("HTTP_" + status);
    }

    private HttpResponse<byte[]> call(HttpRequest request) {
        try {
            return timeLimiter.executeFutureSupplier(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (TimeoutException e) {
            throw new Unavailable("TIMEOUT", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Unavailable(cause instanceof java.net.http.HttpTimeoutException ? "TIMEOUT" : "CONNECTION", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("INTERRUPTED", e);
        } catch (Exception e) {
            throw new Unavailable("CONNECTION", null);
        }
    }

    private Answer answer(HttpResponse<byte[]> response) {
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (IOException e) {
            throw new Unavailable("UNREADABLE_ANSWER", null);
        }
        String id = node.path("id").asText(null);
        String reason = node.hasNonNull("reason") ? node.get("reason").asText() : null;
        return new Answer(id, status(node.path("status").asText("")), reason);
    }

    /** The provider's status; anything not final counts as {@link ProviderRefundStatus#PENDING}. */
    static ProviderRefundStatus status(String status) {
        return switch (status.toUpperCase(java.util.Locale.ROOT)) {
            case "SETTLED", "PAID", "SUCCEEDED" -> ProviderRefundStatus.SETTLED;
            case "REJECTED", "FAILED" -> ProviderRefundStatus.REJECTED;
            default -> ProviderRefundStatus.PENDING;
        };
    }
}
