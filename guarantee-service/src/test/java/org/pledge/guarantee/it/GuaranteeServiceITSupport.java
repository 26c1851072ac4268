package org.pledge.guarantee.it;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.pledge.contracts.Topics;
import org.pledge.guarantee.GuaranteeServiceApplication;
import org.pledge.guarantee.claim.api.GuaranteeClaimIds;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.ServiceApi;
import org.pledge.testsupport.messaging.CaseEventSamples;
import org.pledge.testsupport.messaging.TestCloudEvents;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.pledge.testsupport.security.TestTokens;
import org.pledge.testsupport.time.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one way to write an integration test of guarantee-service: the whole service on the JVM's test infrastructure
 * (a fresh database, the in-JVM Kafka, the test token issuer), its API over real HTTP ({@link #api}), case events
 * through the real broker ({@link #sendCaseEvent}), a {@link MutableClock} that ticks with the system clock until a
 * test moves it forward ({@link #clock}), and bounded waiting ({@link #awaitClaim}).
 *
 * <p>Every subclass with the same configuration shares one Spring context (and database), so tests use fresh case ids
 * and never assume an empty service. A test that needs a service of its own adds a property, e.g.
 * {@code @TestPropertySource(properties = "pledge.test.context=<name>")}.
 *
 * <p>The seeded policies ({@code application.yml}): {@code DEMO} and {@code PASSPORT}, 1–10 business days late → 25 %,
 * 11+ → 50 %. {@code PASSPORT} auto-approves up to 50.00 CAD and needs two approvals above 500.00; {@code DEMO}
 * auto-approves nothing and needs two approvals above 5.00 (its fee is 25.00, see {@code docs/guarantee.md}).
 */
@SpringBootTest(classes = GuaranteeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
@Import(GuaranteeServiceITSupport.TestClockConfiguration.class)
public abstract class GuaranteeServiceITSupport {

    protected static final TestTokens TOKENS = TestTokens.get();
    protected static final ObjectMapper JSON = ServiceApi.JSON;
    /** How long a case event may take through the broker to the claims' read model. */
    protected static final Duration DELIVERY = Duration.ofSeconds(90);

    @LocalServerPort
    protected int port;
    /** The service's clock: the system clock plus what tests moved it (never back). */
    @Autowired
    protected MutableClock clock;
    /** guarantee-service's API over real HTTP. */
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

    /** A finance user, e.g. {@code finance-1} or {@code finance-2}: the subject is the approver. */
    protected static String financeToken(String subject) {
        return TOKENS.token(subject, "finance");
    }

    protected static String financeToken() {
        return financeToken("finance-1");
    }

    protected static String channelToken() {
        return TOKENS.token("web-portal", "channel");
    }

    protected static String adminToken() {
        return TOKENS.token("admin-1", "admin");
    }

    protected static String auditorToken() {
        return TOKENS.token("auditor-1", "auditor");
    }

    protected static String operationsToken() {
        return TOKENS.token("ops-1", "operations");
    }

    // ---------------------------------------------------------------- HTTP

    protected ApiResponse get(String path, String token) {
        return api.get(path, token);
    }

    /** A POST with a fresh Idempotency-Key. */
    protected ApiResponse post(String path, String token, String body) {
        return api.post(path, token, body);
    }

    /** A POST with exactly {@code headers} (no Idempotency-Key unless given). */
    protected ApiResponse post(String path, String token, String body, Map<String, String> headers) {
        return api.post(path, token, body, headers);
    }

    // ---------------------------------------------------------------- case events through the broker

    /** Sends a case event to {@code pledge.case.v1}, partition 0 (so later records prove earlier ones consumed). */
    protected static void sendCaseEvent(CloudEvent event) {
        TestCloudEvents.send(Topics.CASE, 0, event);
    }

    /** A fresh CloudEvent id. */
    protected static String ceId() {
        return "ce-" + UUID.randomUUID();
    }

    /**
     * Submits (fee {@code fee} CAD, payment reference {@code paymentReference}, may be null) and breaches a case of
     * {@code serviceType} through the broker, and waits until its claim is OPEN; returns the case id.
     */
    protected String breachedCase(String serviceType, String fee, String paymentReference) {
        String caseId = UUID.randomUUID().toString();
        sendCaseEvent(CaseEventSamples.submittedWithPayment(ceId(), caseId, serviceType, fee, paymentReference));
        sendCaseEvent(CaseEventSamples.breached(ceId(), caseId, serviceType, fee));
        awaitClaim(caseId, claim -> "OPEN".equals(claim.path("status").asText()));
        return caseId;
    }

    /** Resolves case {@code caseId} APPROVED, {@code lateness} business days late, through the broker. */
    protected static void resolve(String caseId, String serviceType, int lateness) {
        sendCaseEvent(CaseEventSamples.resolved(ceId(), caseId, serviceType, "APPROVED", lateness, null));
    }

    // ---------------------------------------------------------------- claims

    /** The claim id of a case. */
    protected static String claimOf(String caseId) {
        return GuaranteeClaimIds.forCase(caseId);
    }

    /** Reads the case's claim ({@code GET /api/claims/{id}}) until {@code until} holds; fails after {@link #DELIVERY}. */
    protected JsonNode awaitClaim(String caseId, Predicate<JsonNode> until) {
        String path = "/api/claims/" + claimOf(caseId);
        JsonNode[] last = new JsonNode[1];
        Eventually.await("claim of case " + caseId, DELIVERY).until(() -> {
            ApiResponse response = get(path, auditorToken());
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return until.test(last[0]);
        });
        return last[0];
    }

    /** {@code POST /api/claims/{id}/approvals} as finance user {@code subject}, with a fresh Idempotency-Key. */
    protected ApiResponse decide(String caseId, String subject, String decision, String reason) {
        String body = reason == null ? "{\"decision\":\"%s\"}".formatted(decision)
                : "{\"decision\":\"%s\",\"reason\":\"%s\"}".formatted(decision, reason);
        return post("/api/claims/" + claimOf(caseId) + "/approvals", financeToken(subject), body);
    }

    protected ApiResponse approve(String caseId, String subject) {
        return decide(caseId, subject, "APPROVE", null);
    }
}
