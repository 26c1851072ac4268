package org.pledge.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.pledge.testsupport.await.Eventually;

/**
 * A service's API over real HTTP (the whole filter chain, as a client meets it), for integration tests. A token is
 * passed per call (null: none), from {@link org.pledge.testsupport.security.TestTokens}.
 *
 * <pre>
 * ServiceApi api = ServiceApi.on(port);
 * ApiResponse created = api.post("/api/cases", channelToken, body);      // a fresh Idempotency-Key
 * api.get("/api/cases/x", null).assertProblem(401, "auth.unauthenticated");
 * JsonNode c = api.awaitJson("/api/cases/" + id, token, json -> json.path("status").asText().equals("RESOLVED"));
 * </pre>
 */
public final class ServiceApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;

    private ServiceApi(URI base) {
        this.base = base;
    }

    /** The service listening on {@code localhost:port}. */
    public static ServiceApi on(int port) {
        return new ServiceApi(URI.create("http://localhost:" + port));
    }

    /** {@code path} (with its query) on this service. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public ApiResponse get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    /** A POST as a client retrying safely sends it: JSON {@code body} (null: none) under a fresh Idempotency-Key. */
    public ApiResponse post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** A POST with exactly {@code headers} (no Idempotency-Key unless given). */
    public ApiResponse post(String path, String token, String body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    public ApiResponse put(String path, String token, String body) {
        return send("PUT", path, token, body, Map.of());
    }

    /** Any request; a body is sent as {@code application/json} unless {@code headers} give another Content-Type. */
    public ApiResponse send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.putAll(headers);
        all.forEach(builder::header);
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> received = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> received.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            return new ApiResponse(response.statusCode(), received, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GETs {@code path} until it answers 200 with JSON that {@code until} accepts (a read model is eventually
     * consistent), within {@link Eventually#TIMEOUT}; returns that JSON. On a timeout the error shows the last answer.
     */
    public JsonNode awaitJson(String path, String token, Predicate<JsonNode> until) {
        AtomicReference<ApiResponse> last = new AtomicReference<>();
        try {
            return Eventually.await("GET " + path).until(() -> {
                ApiResponse response = get(path, token);
                last.set(response);
                return response.status() == 200 ? response.json() : null;
            }, json -> json != null && until.test(json));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + path + " never matched within " + Eventually.TIMEOUT.toSeconds()
                    + " s; last answer: " + last.get(), e);
        }
    }
}
