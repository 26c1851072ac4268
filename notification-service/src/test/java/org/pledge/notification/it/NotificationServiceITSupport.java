package org.pledge.notification.it;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.pledge.contracts.Topics;
import org.pledge.notification.NotificationServiceApplication;
import org.pledge.testsupport.PledgeTestInitializer;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.http.ServiceApi;
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
 * The one way to write an integration test of notification-service: the whole service on the JVM's test infrastructure
 * (a fresh database, the in-JVM Kafka, the test token issuer), its API over real HTTP ({@link #api}), recorded
 * CloudEvents of case-, guarantee- and feedback-service through the real broker ({@link #sendCaseEvent},
 * {@link #sendGuaranteeEvent}, {@link #sendFeedbackEvent}), a {@link MutableClock} that ticks with the system clock
 * until a test moves it forward ({@link #clock}: retry back-off and receipt waits run on it), and bounded waiting
 * ({@link #awaitNotifications}, {@link #awaitNotification}). Around it, as a user has them
 * ({@link NotificationTestInitializer}): a real SMTP server ({@link #SMTP}, GreenMail: {@code refused@...} mailboxes are
 * refused for good), the SMS provider ({@link #SMS}, WireMock: accepts every message, a receipt follows) and a letters
 * outbox folder.
 *
 * <p>Every subclass with the same configuration shares one Spring context (and database), so tests use fresh case ids
 * and subjects and never assume an empty service. A test that needs a service of its own adds a property, e.g.
 * {@code @TestPropertySource(properties = "pledge.test.context=<name>")}.
 *
 * <p>Every event goes to partition 0 of its topic, so a later record's effect proves the earlier ones were consumed.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {PledgeTestInitializer.class, NotificationTestInitializer.class})
@Import(NotificationServiceITSupport.TestClockConfiguration.class)
public abstract class NotificationServiceITSupport {

    protected static final TestTokens TOKENS = TestTokens.get();
    protected static final ObjectMapper JSON = ServiceApi.JSON;
    /** The SMTP server the email channel sends to. */
    protected static final TestSmtp SMTP = NotificationTestInitializer.SMTP;
    /** The SMS provider the SMS channel calls. */
    protected static final com.github.tomakehurst.wiremock.WireMockServer SMS = NotificationTestInitializer.SMS;
    /** How long an event may take through the broker to the read models (and a message to its channel). */
    protected static final Duration DELIVERY = Duration.ofSeconds(90);

    @LocalServerPort
    protected int port;
    /** The service's clock: the system clock plus what tests moved it (never back). */
    @Autowired
    protected MutableClock clock;
    /** notification-service's API over real HTTP. */
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

    protected static String channelToken() {
        return TOKENS.token("web-portal", "channel");
    }

    // ---------------------------------------------------------------- HTTP

    protected ApiResponse get(String path, String token) {
        return api.get(path, token);
    }

    // ---------------------------------------------------------------- recorded events through the broker

    /** A fresh CloudEvent id. */
    protected static String ceId() {
        return "ce-" + UUID.randomUUID();
    }

    /** Sends a case event to {@code pledge.case.v1}, partition 0. */
    protected static void sendCaseEvent(CloudEvent event) {
        TestCloudEvents.send(Topics.CASE, 0, event);
    }

    /** Sends a guarantee event to {@code pledge.guarantee.v1}, partition 0. */
    protected static void sendGuaranteeEvent(CloudEvent event) {
        TestCloudEvents.send(Topics.GUARANTEE, 0, event);
    }

    /** Sends a feedback event to {@code pledge.feedback.v1}, partition 0. */
    protected static void sendFeedbackEvent(CloudEvent event) {
        TestCloudEvents.send(Topics.FEEDBACK, 0, event);
    }

    // ---------------------------------------------------------------- notifications

    /** The notifications of a case as {@code GET /api/notifications?caseId=} lists them now (newest first). */
    protected List<JsonNode> notificationsOf(String caseId) {
        ApiResponse response = get("/api/notifications?caseId=" + caseId + "&size=200", auditorToken());
        if (response.status() != 200) {
            throw new AssertionError("listing the notifications of case " + caseId + " answered " + response.status() + ": "
                    + response.body());
        }
        return StreamSupport.stream(response.json().path("items").spliterator(), false).toList();
    }

    /** Lists the case's notifications until {@code until} holds for the list; fails after {@link #DELIVERY}. */
    protected List<JsonNode> awaitNotifications(String caseId, Predicate<List<JsonNode>> until) {
        @SuppressWarnings("unchecked")
        List<JsonNode>[] last = new List[1];
        Eventually.await("notifications of case " + caseId, DELIVERY).until(() -> {
            last[0] = notificationsOf(caseId);
            return until.test(last[0]);
        });
        return last[0];
    }

    /**
     * Reads notification {@code id} with its history ({@code GET /api/notifications/{id}}) until {@code until} holds;
     * fails after {@link #DELIVERY}.
     */
    protected JsonNode awaitNotification(String id, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        Eventually.await("notification " + id, DELIVERY).until(() -> {
            ApiResponse response = get("/api/notifications/" + id, auditorToken());
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            return until.test(last[0]);
        });
        return last[0];
    }

    /** Waits until the case's only notification reaches {@code status}; returns it with its history. */
    protected JsonNode awaitOnlyNotification(String caseId, String status) {
        List<JsonNode> listed = awaitNotifications(caseId, list -> list.size() == 1 && status.equals(list.get(0).path("status").asText()));
        return awaitNotification(listed.get(0).path("id").asText(), n -> status.equals(n.path("status").asText()));
    }

    /** Waits until at least {@code count} messages to {@code address} reached the SMTP server; returns them all. */
    protected static List<jakarta.mail.internet.MimeMessage> awaitEmails(String address, int count) {
        Eventually.await(count + " email(s) to an address", DELIVERY).until(() -> SMTP.to(address).size() >= count);
        return SMTP.to(address);
    }

    /** The notification's attempts ({@code GET /api/notifications/{id}}), oldest first. */
    protected static List<JsonNode> attempts(JsonNode notification) {
        return StreamSupport.stream(notification.path("attempts").spliterator(), false).toList();
    }

    protected static boolean hasStatus(JsonNode notification, String status) {
        return status.equals(notification.path("status").asText());
    }
}
