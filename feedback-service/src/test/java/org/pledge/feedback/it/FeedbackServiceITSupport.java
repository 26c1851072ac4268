package org.pledge.feedback.it;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.pledge.contracts.Topics;
import org.pledge.feedback.FeedbackServiceApplication;
import org.pledge.feedback.it.FeedbackTopic.Published;
import org.pledge.testsupport.PledgeTestInitializer;
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
 * The one way to write an integration test of feedback-service: the whole service on the JVM's test infrastructure (a
 * fresh database, the in-JVM Kafka, the test token issuer), its API over real HTTP ({@link #api}), case-service's
 * events sent through the real broker ({@link #sendCaseEvent}, {@link #submitCase}, {@link #resolveCase}), what
 * feedback-service publishes read back from {@code pledge.feedback.v1} ({@link #awaitPublished}), and a
 * {@link MutableClock} that ticks with the system clock until a test moves it forward ({@link #clock}: token expiry and
 * the analytics' windows run on it).
 *
 * <p>Every subclass with the same configuration shares one Spring context (and database), so tests use fresh case ids,
 * service types ({@link #freshServiceType}) and subjects and never assume an empty service. A test that needs a service
 * of its own adds a property, e.g. {@code @TestPropertySource(properties = "pledge.test.context=<name>")}. A test that
 * moves the clock moves it forward only, and never so far that another test's fresh invitation expires: use a context
 * of its own for that.
 *
 * <p>Every case event goes to partition 0 of {@code pledge.case.v1}, so a later record's effect proves the earlier ones
 * were consumed.
 */
@SpringBootTest(classes = FeedbackServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PledgeTestInitializer.class)
@Import(FeedbackServiceITSupport.TestClockConfiguration.class)
public abstract class FeedbackServiceITSupport {

    protected static final TestTokens TOKENS = TestTokens.get();
    protected static final ObjectMapper JSON = ServiceApi.JSON;
    /** How long an event may take through the broker to the read models and back out to {@code pledge.feedback.v1}. */
    protected static final Duration DELIVERY = Duration.ofSeconds(90);

    @LocalServerPort
    protected int port;
    /** The service's clock: the system clock plus what tests moved it (never back). */
    @Autowired
    protected MutableClock clock;
    /** feedback-service's API over real HTTP. */
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

    protected static String token(String role) {
        return TOKENS.token(role + "-1", role);
    }

    protected static String caseworkerToken() {
        return token("caseworker");
    }

    protected static String auditorToken() {
        return token("auditor");
    }

    protected static String operationsToken() {
        return token("operations");
    }

    protected static String adminToken() {
        return token("admin");
    }

    /** The kiosk client of a service point (role {@code channel}); its subject scopes its Idempotency-Keys. */
    protected static String channelToken() {
        return channelToken("kiosk-montreal-1");
    }

    /** Another channel client (role {@code channel}). */
    protected static String channelToken(String client) {
        return TOKENS.token(client, "channel");
    }

    // ---------------------------------------------------------------- HTTP

    protected ApiResponse get(String path, String token) {
        return api.get(path, token);
    }

    /** A POST with JSON {@code body} under {@code idempotencyKey} (null: no key at all). */
    protected ApiResponse post(String path, String token, String body, String idempotencyKey) {
        return api.post(path, token, body, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A public POST (no token) from the client address {@code forwardedFor} (the proxy's {@code X-Forwarded-For}). */
    protected ApiResponse postFrom(String forwardedFor, String path, String body) {
        return api.post(path, null, body, Map.of("X-Forwarded-For", forwardedFor));
    }

    // ---------------------------------------------------------------- ids

    /** A fresh CloudEvent id. */
    protected static String ceId() {
        return "ce-" + UUID.randomUUID();
    }

    /** A fresh case id. */
    protected static String freshCaseId() {
        return UUID.randomUUID().toString();
    }

    /** A service type of the test's own (upper case, starting with {@code prefix}), so figures for it are its alone. */
    protected static String freshServiceType(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    /** A fresh applicant reference (data subject). */
    protected static String freshSubject() {
        return "ref-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---------------------------------------------------------------- case events through the broker

    /** Sends a case event to {@code pledge.case.v1}, partition 0. */
    protected static void sendCaseEvent(CloudEvent event) {
        TestCloudEvents.send(Topics.CASE, 0, event);
    }

    /**
     * Case-service submitted case {@code caseId} of {@code serviceType} for {@code subjectRef} in {@code language}
     * (e.g. {@code fr-CA}) by email, now (the service's clock), due in 14 days.
     */
    protected void submitCase(String caseId, String serviceType, String subjectRef, String language) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        sendCaseEvent(new CloudEvent(ceId(), CaseEventSamples.SUBMITTED, CaseEventSamples.SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"%s","language":"%s",
                 "preferredChannel":"EMAIL","submittedAt":"%s","deadline":"%s",
                 "applicant":{"name":"Marie Tremblay","email":"marie@example.org"},
                 "fee":{"amount":"120.00","currency":"CAD"}}"""
                .formatted(caseId, serviceType, subjectRef, language, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(11)))));
    }

    /**
     * Case-service resolved case {@code caseId} (APPROVED) now (the service's clock): on time when {@code onTime}, else
     * 2 business days late.
     */
    protected void resolveCase(String caseId, String serviceType, String subjectRef, String language, boolean onTime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant deadline = onTime ? now.plus(Duration.ofDays(11)) : now.minus(Duration.ofDays(2));
        sendCaseEvent(new CloudEvent(ceId(), CaseEventSamples.RESOLVED, CaseEventSamples.SOURCE, caseId, """
                {"caseId":"%s","serviceType":"%s","channel":"WEB","applicantReference":"%s","language":"%s",
                 "preferredChannel":"EMAIL","deadline":"%s","outcome":"APPROVED",
                 "resolvedAt":"%s","onTime":%s,"latenessBusinessDays":%d}"""
                .formatted(caseId, serviceType, subjectRef, language, deadline, now, onTime, onTime ? 0 : 2)));
    }

    /**
     * A case submitted and resolved through the broker, and the survey link feedback-service published for it
     * ({@code pledge.feedback.survey-invited.v1}): returns the link's token (the last path segment of the link).
     */
    protected InvitedCase invitedCase(String serviceType, String language, boolean onTime) {
        String caseId = freshCaseId();
        String subject = freshSubject();
        submitCase(caseId, serviceType, subject, language);
        resolveCase(caseId, serviceType, subject, language, onTime);
        Published invited = awaitPublished(caseId, records -> FeedbackTopic.count(records, SURVEY_INVITED) >= 1).stream()
                .filter(r -> SURVEY_INVITED.equals(r.type())).findFirst().orElseThrow();
        String link = invited.data().path("link").asText();
        return new InvitedCase(caseId, serviceType, subject, language, invited.data().path("invitationId").asText(),
                link.substring(link.lastIndexOf('/') + 1));
    }

    /** A case invited to a survey; {@code token} is the link's single-use credential. */
    protected record InvitedCase(String caseId, String serviceType, String subjectRef, String language, String invitationId,
                                 String token) {
    }

    // ---------------------------------------------------------------- what feedback-service publishes

    public static final String SURVEY_INVITED = "pledge.feedback.survey-invited.v1";
    public static final String RECEIVED = "pledge.feedback.received.v1";
    public static final String FOLLOW_UP_REQUESTED = "pledge.feedback.follow-up-requested.v1";
    public static final String SATISFACTION_ALERT = "pledge.feedback.satisfaction-alert.v1";
    public static final String SATISFACTION_RECOVERED = "pledge.feedback.satisfaction-recovered.v1";

    /**
     * The records keyed by {@code key} (a case id, a feedback id, a service type) on {@code pledge.feedback.v1}, read
     * from the start, once {@code until} accepts them; fails after {@link #DELIVERY}.
     */
    protected static List<Published> awaitPublished(String key, Predicate<List<Published>> until) {
        return FeedbackTopic.await(key, until, DELIVERY);
    }
}
