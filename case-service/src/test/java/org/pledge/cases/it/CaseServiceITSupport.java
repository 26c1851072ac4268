package org.pledge.cases.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.pledge.cases.CaseServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.ServiceApi;
import org.pledge.testsupport.security.TestTokens;
import org.pledge.testsupport.time.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one way to write an integration test of case-service: the whole service on the JVM's test infrastructure
 * (a fresh database, the in-JVM or containerised Kafka, the test token issuer), its API over real HTTP
 * ({@link #api}, from test-support), a {@link MutableClock} that ticks with the system clock until a test moves it
 * forward ({@link #clock}), and waiting with Awaitility ({@link #awaitCase}, {@link ServiceApi#awaitJson},
 * {@link org.pledge.testsupport.await.Eventually}).
 *
 * <p>Every subclass with the same configuration shares one Spring context (and database), so tests use fresh ids and
 * never assume an empty service. A test that needs a service of its own adds a property, e.g.
 * {@code @TestPropertySource(properties = "pledge.test.context=<name>")}, which gives it its own context and database.
 *
 * <p>Another service copies this class: its application class, its tokens by role and its own helpers (submit ...).
 */
@SpringBootTest(classes = CaseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
@Import(CaseServiceITSupport.TestClockConfiguration.class)
public abstract class CaseServiceITSupport {

    protected static final TestTokens TOKENS = TestTokens.get();
    protected static final ObjectMapper JSON = ServiceApi.JSON;

    @LocalServerPort
    protected int port;
    /** The service's clock: the system clock plus what tests moved it (never back: commands stay in time order). */
    @Autowired
    protected MutableClock clock;
    /** case-service's API over real HTTP. */
    protected ServiceApi api;

    @BeforeEach
    void connectToTheService() {
        api = ServiceApi.on(port);
    }

    /** Imported (not a nested @TestConfiguration, so it is registered once for every subclass). */
    static class TestClockConfiguration {
        @Bean
        MutableClock clock() {
            return MutableClock.ticking();
        }
    }

    // ---------------------------------------------------------------- tokens by role

    protected static String channelToken() {
        return TOKENS.token("web-portal", "channel");
    }

    protected static String caseworkerToken() {
        return TOKENS.token("cw-1", "caseworker");
    }

    protected static String operationsToken() {
        return TOKENS.token("ops-1", "operations");
    }

    protected static String auditorToken() {
        return TOKENS.token("auditor-1", "auditor");
    }

    protected static String adminToken() {
        return TOKENS.token("admin-1", "admin");
    }

    // ---------------------------------------------------------------- HTTP

    protected ApiResponse get(String path, String token) {
        return api.get(path, token);
    }

    /** A POST with exactly {@code headers}: no Idempotency-Key unless given ({@link ServiceApi#post(String, String, String)} adds one). */
    protected ApiResponse post(String path, String token, String body, Map<String, String> headers) {
        return api.post(path, token, body, headers);
    }

    /** POSTs a transition with a fresh Idempotency-Key. */
    protected ApiResponse transition(String caseId, String action, String token, String body) {
        return api.post("/api/cases/" + caseId + "/" + action, token, body);
    }

    // ---------------------------------------------------------------- cases

    /** The catalogue fee of the configured service types (the fee paid must match it). */
    protected static String feeOf(String serviceType) {
        return switch (serviceType) {
            case "DEMO" -> "25.00";
            default -> "120.00";
        };
    }

    /** Submits a case as the channel {@code web-portal}, paying the catalogue fee; returns its id. */
    protected String submit(String serviceType, Map<String, String> headers) {
        String key = UUID.randomUUID().toString();
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Idempotency-Key", key);
        ApiResponse response = post("/api/cases", channelToken(), """
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

    /** Reads a case until it shows what the test waits for (a change the service makes on its own, e.g. a sweep). */
    protected JsonNode awaitCase(String caseId, String token, Predicate<JsonNode> until) {
        return api.awaitJson("/api/cases/" + caseId, token, until);
    }
}
