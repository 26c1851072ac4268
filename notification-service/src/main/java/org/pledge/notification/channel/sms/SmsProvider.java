package org.pledge.notification.channel.sms;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.notification.channel.provider.ProviderFailure;
import org.pledge.notification.channel.provider.ProviderGuard;

/**
 * The SMS provider's API over HTTP (JDK {@link HttpClient}), each call through the {@code sms} {@link ProviderGuard}
 * (a permit of the rate limiter, the time limit):
 * <ul>
 * <li>{@code POST /v1/messages} with {@code Idempotency-Key: <our reference>} and {@code {"to", "text", "callbackUrl"}}:
 *     201 (new) or 200 (the same key again: the same message) with {@code {"id", "status": ACCEPTED|DELIVERED|FAILED,
 *     "reason"?}}; 409 when the key was used with another body;</li>
 * <li>{@code GET /v1/messages?idempotencyKey=<our reference>}: 200 with the message, 404 when the provider has none.</li>
 * </ul>
 * Failures are {@link ProviderFailure}s: a connection that could not be made is transient ({@code connection}); a
 * time-out or a connection lost mid-call is uncertain ({@code timeout}, {@code connection-lost}: the provider may have
 * the message); 429 (with its {@code Retry-After}), 408 and 5xx are transient ({@code http-<status>}); 401 and 403
 * (our credentials) are transient too, an operator's matter; any other 4xx refuses the message for good
 * ({@code http-400}: an invalid number or text).
 */
public class SmsProvider {

    static final String MESSAGES = "/v1/messages";

    private final HttpClient http;
    private final URI base;
    private final ProviderGuard guard;
    private final Duration requestTimeout;
    private final ObjectMapper json;
    private final Clock clock;

    public SmsProvider(HttpClient http, URI base, ProviderGuard guard, Duration callTimeout, ObjectMapper json, Clock clock) {
        this.http = http;
        this.base = base;
        this.guard = guard;
        // the guard's time limit ends the call first; this only frees the connection behind it
        this.requestTimeout = callTimeout.plusSeconds(1);
        this.json = json;
        this.clock = clock;
    }

    /** What the provider holds under our reference. */
    public record Answer(String providerId, String status, String reason) {
    }

    /** Sends the message under our reference (the provider sends a key once). */
    public Answer send(String reference, String to, String text, String callbackUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("text", text);
        if (callbackUrl != null && !callbackUrl.isBlank()) {
            body.put("callbackUrl", callbackUrl);
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("the message could not be written as JSON", e);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve(MESSAGES))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", reference)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<byte[]> response = call(request);
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return answer(response);
        }
        if (status == 409) {
            // the key was used with another text (e.g. a template changed between two attempts): what was sent stands
            return lookUp(reference).orElseThrow(() -> ProviderFailure.permanent("idempotency-conflict"));
        }
        throw failure(response);
    }

    /** The message the provider holds under our reference, or empty when it has none. */
    public Optional<Answer> lookUp(String reference) {
        URI uri = base.resolve(MESSAGES + "?idempotencyKey=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
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
        ProviderFailure failure = failure(response);
        // a look-up that cannot answer says nothing about the message: never a reason to give it up
        throw failure.kind() == ProviderFailure.Kind.PERMANENT
                ? ProviderFailure.transientFailure("look-up-http-" + status) : failure;
    }

    private HttpResponse<byte[]> call(HttpRequest request) {
        return guard.call(() -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                throw ProviderFailure.transientFailure("connection");
            } catch (HttpTimeoutException e) {
                throw ProviderFailure.uncertain("timeout");
            } catch (IOException e) {
                if (e.getCause() instanceof ConnectException) {
                    throw ProviderFailure.transientFailure("connection");
                }
                throw ProviderFailure.uncertain("connection-lost");
            }
        });
    }

    private ProviderFailure failure(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String reason = "http-" + status;
        if (status == 429) {
            return ProviderFailure.transientFailure(reason, retryAfter(response));
        }
        if (status >= 500 || status == 408 || status == 401 || status == 403) {
            return ProviderFailure.transientFailure(reason);
        }
        return ProviderFailure.permanent(reason);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<byte[]> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty() || header.get().isEmpty()) {
            return null;
        }
        String value = header.get();
        if (value.matches("[0-9]{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Answer answer(HttpResponse<byte[]> response) {
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (IOException e) {
            throw ProviderFailure.uncertain("unreadable-answer");
        }
        String id = node.path("id").asText(null);
        String status = node.path("status").asText("").toUpperCase(Locale.ROOT);
        String reason = node.hasNonNull("reason") ? node.get("reason").asText() : null;
        if (id == null || id.isBlank() || status.isEmpty()) {
            throw ProviderFailure.uncertain("unreadable-answer");
        }
        return new Answer(id, status, reason);
    }
}
