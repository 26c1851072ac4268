package org.pledge.cases.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.cases.CaseServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.security.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/** case-service on the JVM's test infrastructure (fresh database, in-JVM Kafka, JWKS issuer), over real HTTP. */
@SpringBootTest(classes = CaseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
@Import(CaseServiceITSupport.TestClockConfiguration.class)
abstract class CaseServiceITSupport {

    static final TestTokens TOKENS = TestTokens.get();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;

    /** The system clock plus an offset the test can move forward (never back: commands must stay in time order). */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    /** Imported (not a nested @TestConfiguration, so it is registered once for every subclass). */
    static class TestClockConfiguration {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    static String channelToken() {
        return TOKENS.token("web-portal", "channel");
    }

    static String caseworkerToken() {
        return TOKENS.token("cw-1", "caseworker");
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token, Map.of());
    }

    Response post(String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Map<String, String> all = new LinkedHashMap<>();
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        return send(builder, token, all);
    }

    /** POSTs a transition with a fresh Idempotency-Key. */
    Response transition(String caseId, String action, String token, String body) {
        return post("/api/cases/" + caseId + "/" + action, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private Response send(HttpRequest.Builder builder, String token, Map<String, String> headers) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = HTTP.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> h = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new Response(response.statusCode(), h, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The catalogue fee of the configured service types (the fee paid must match it). */
    static String feeOf(String serviceType) {
        return switch (serviceType) {
            case "DEMO" -> "25.00";
            default -> "120.00";
        };
    }

    /** Submits a case as the channel {@code web-portal}, paying the catalogue fee; returns its id. */
    String submit(String serviceType, Map<String, String> headers) {
        String key = UUID.randomUUID().toString();
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Idempotency-Key", key);
        Response response = post("/api/cases", channelToken(), """
                {"serviceType":"%s","channel":"WEB",
                 "applicant":{"reference":"ref-%s","name":"Marie Tremblay","email":"marie@example.org",
                              "language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"%s","currency":"CAD"}}
                """.formatted(serviceType, key.substring(0, 8), feeOf(serviceType)), all);
        if (response.status() != 201) {
            throw new AssertionError("submit: " + response);
        }
        return response.json().path("caseId").asText();
    }

    /** Reads a case until the read model shows what the test waits for (the projection is eventually consistent). */
    JsonNode awaitCase(String caseId, String token, Predicate<JsonNode> until) {
        Instant giveUp = Instant.now().plusSeconds(30);
        Response last = null;
        while (Instant.now().isBefore(giveUp)) {
            last = get("/api/cases/" + caseId, token);
            if (last.status() == 200 && until.test(last.json())) {
                return last.json();
            }
            sleep(100);
        }
        throw new AssertionError("case " + caseId + " never matched; last: " + last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
