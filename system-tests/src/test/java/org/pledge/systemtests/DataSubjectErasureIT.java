package org.pledge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.security.TestTokens;

/**
 * A data subject erased end to end, the four services running as processes from their jars on the real broker (issue
 * 11, "erasure end to end"): a channel submits a case with contact points, notification-service records the client's
 * contact, an admin erases the subject at case-service, and then
 * <ol>
 *   <li>the case's applicant reads erased, notification-service answers that the contact is gone, and no database of
 *       any service holds the person's name, email or phone in clear any more;</li>
 *   <li>case-service's audit chain still verifies (the erasure changed no stored byte);</li>
 *   <li>every event processor of every service replays from the start of its event store (the operators'
 *       {@code /ops/processors}), and the services read as before: the case, its erased applicant, the gone contact,
 *       the notification owed (its identity: a retry may move its status on); and a new case still travels.</li>
 * </ol>
 * One subject is erased once for the class ({@link #eraseOneSubject}); the methods run in this order because the replay
 * comes last. The services are this JVM's shared set.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataSubjectErasureIT {

    private static final TestTokens tokens = TestTokens.get();
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static ServiceProcesses services;
    /** This JVM's MongoDB, where every service keeps its database: to look at what they store. */
    private static MongoClient mongo;
    private static String subject;
    private static String caseId;
    private static String name;
    private static String email;
    private static String phone;

    @BeforeAll
    static void eraseOneSubject() {
        services = ServiceProcesses.shared();
        mongo = MongoClients.create(PledgeInfrastructure.get().mongoConnectionString());
        String letters = randomLetters(10);
        subject = "web-erase-" + UUID.randomUUID();
        name = "Zoé Tremblay-" + letters;
        email = "zoe." + letters + "@example.org";
        phone = "+1 514 555 " + (1000 + ThreadLocalRandom.current().nextInt(9000));
        caseId = submit(subject, name, email, phone);

        JsonNode contact = awaitContact(subject);
        assertThat(contact.path("email").asText()).isEqualTo(email);
        assertThat(contact.path("name").asText()).isEqualTo(name);
        assertThat(contact.path("caseId").asText()).isEqualTo(caseId);
        assertThat(documentsContaining("notification-service", email)).as("the contact, before the erasure, encrypted").isEmpty();

        Api.Response erased = Api.delete(services.uri("case-service", "/api/data-subjects/" + subject + "?reason=subject-request"),
                token("admin"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("erased").asBoolean()).isTrue();
    }

    @AfterAll
    static void closeMongo() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    @Order(1)
    void erasedSubject_readsErasedInTheCase_andNotificationServiceHoldsNoContact_andNoDatabaseHoldsItInClear() {
        JsonNode applicant = get("case-service", "/api/cases/" + caseId + "/applicant", "caseworker").json();
        assertThat(applicant.path("erased").asBoolean()).isTrue();
        assertThat(applicant.path("name").asText()).isEqualTo("[erased]");
        assertThat(applicant.path("email").asText()).isEqualTo("[erased]");
        assertThat(applicant.path("reference").asText()).isEqualTo(subject);
        JsonNode theCase = get("case-service", "/api/cases/" + caseId, "caseworker").json();
        assertThat(theCase.path("status").asText()).isEqualTo("SUBMITTED");

        Api.Response contact = awaitStatus("notification-service", "/api/contacts/" + subject, "caseworker", 410);
        assertThat(contact.json().path("code").asText()).isEqualTo("contact.erased");
        assertThat(contact.body()).doesNotContain(email).doesNotContain(name);
        Eventually.await("notification-service erased the subject too", WAIT).until(() ->
                get("notification-service", "/api/data-subjects/" + subject, "admin").json().path("completed").asBoolean());
        assertThat(get("notification-service", "/api/data-subjects/" + subject, "admin").json().path("requestedThrough").asText())
                .isEqualTo("pledge.privacy.v1");

        for (String service : ServiceProcesses.SERVICES) {
            assertThat(documentsContaining(service, email)).as("%s documents with the email", service).isEmpty();
            assertThat(documentsContaining(service, name)).as("%s documents with the name", service).isEmpty();
            assertThat(documentsContaining(service, phone.replace(" ", ""))).as("%s documents with the phone", service).isEmpty();
        }
        Document stored = database("notification-service").getCollection("contacts").find(new Document("_id", subject)).first();
        assertThat(stored).as("the contact document").isNotNull();
        assertThat(stored.getString("email")).isEqualTo("[erased]");
    }

    @Test
    @Order(2)
    void caseServiceAuditChain_stillVerifies_afterTheErasure() {
        JsonNode verification = awaitChainVerified("case-service");

        assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("firstBreak").isNull() || verification.path("firstBreak").isMissingNode()).isTrue();
        assertThat(verification.path("eventsVerified").asLong()).isPositive();
    }

    @Test
    @Order(3)
    void everyProcessorOfEveryService_replaysFromTheStart_andTheServicesReadAsBefore() {
        Api.Response caseBefore = get("case-service", "/api/cases/" + caseId, "caseworker");
        List<JsonNode> notificationsBefore = notificationsOf(caseId);
        assertThat(notificationsBefore).hasSize(1);

        for (String service : ServiceProcesses.SERVICES) {
            List<String> replayed = new ArrayList<>();
            for (JsonNode processor : get(service, "/ops/processors", "operations").json()) {
                String processorName = processor.path("name").asText();
                Api.Response replay = Api.post(services.uri(service, "/ops/processors/" + processorName + "/replay"), token("operations"),
                        "", Map.of());
                if (processor.path("supportsReset").asBoolean()) {
                    assertThat(replay.status()).as("%s %s: %s", service, processorName, replay.body()).isEqualTo(202);
                    replayed.add(processorName);
                } else {
                    assertThat(replay.status()).as("%s %s: %s", service, processorName, replay.body()).isEqualTo(409);
                    assertThat(replay.json().path("code").asText()).isEqualTo("processors.replay-refused");
                }
            }
            assertThat(replayed).as("%s replays its read models", service).isNotEmpty();
            Eventually.await(service + ": every processor replayed and caught up", WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> allCaughtUp(get(service, "/ops/processors", "operations").json()));
        }

        JsonNode caseAfter = awaitJson("case-service", "/api/cases/" + caseId, "caseworker");
        assertThat(caseAfter.path("status").asText()).isEqualTo(caseBefore.json().path("status").asText());
        assertThat(caseAfter.path("deadline").asText()).isEqualTo(caseBefore.json().path("deadline").asText());
        assertThat(caseAfter.path("applicantReference").asText()).isEqualTo(subject);
        assertThat(get("case-service", "/api/cases/" + caseId, "caseworker").header("ETag")).isEqualTo(caseBefore.header("ETag"));
        assertThat(get("case-service", "/api/cases/" + caseId + "/applicant", "caseworker").json().path("name").asText())
                .isEqualTo("[erased]");
        assertThat(get("notification-service", "/api/contacts/" + subject, "caseworker").status()).isEqualTo(410);
        Document stored = database("notification-service").getCollection("contacts").find(new Document("_id", subject)).first();
        assertThat(stored).as("the contact rebuilt by the replay").isNotNull();
        assertThat(stored.getString("email")).isEqualTo("[erased]");
        assertThat(notificationsOf(caseId)).isEqualTo(notificationsBefore);
        assertThat(awaitChainVerified("case-service").path("ok").asBoolean()).isTrue();

        // and the services still work: a new client's case reaches notification-service
        String next = "web-after-replay-" + UUID.randomUUID();
        String nextEmail = "after." + randomLetters(8) + "@example.org";
        submit(next, "Après Replay", nextEmail, "+1 514 555 0199");
        assertThat(awaitContact(next).path("email").asText()).isEqualTo(nextEmail);
    }

    // --- helpers

    private static String submit(String reference, String name, String email, String phone) {
        Api.Response response = Api.post(services.uri("case-service", "/api/cases"), tokens.token("web-portal", "channel"), """
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"%s","name":"%s","email":"%s","phone":"%s",
                              "postalAddress":"1200 rue Sainte-Catherine O\\nMontréal QC H3B 1K9",
                              "language":"fr-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """.formatted(reference, name, email, phone), Map.of("Idempotency-Key", "erase-" + UUID.randomUUID()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("caseId").asText();
    }

    private static JsonNode awaitContact(String reference) {
        return awaitJson("notification-service", "/api/contacts/" + reference, "caseworker");
    }

    private static JsonNode awaitJson(String service, String path, String role) {
        return awaitStatus(service, path, role, 200).json();
    }

    private static Api.Response awaitStatus(String service, String path, String role, int status) {
        return Eventually.await(service + " " + path + " answering " + status, WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> get(service, path, role), response -> response.status() == status);
    }

    /**
     * Verifies the whole chain once it covers every event stored now (the chaining processor runs after the commit):
     * the head is the furthest position the service's processors reached once all of them caught up.
     */
    private static JsonNode awaitChainVerified(String service) {
        JsonNode processors = Eventually.await(service + ": processors caught up", WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> get(service, "/ops/processors", "operations").json(), DataSubjectErasureIT::allCaughtUp);
        long head = StreamSupport.stream(processors.spliterator(), false).flatMap(p -> StreamSupport.stream(p.path("segments").spliterator(), false))
                .mapToLong(segment -> segment.path("position").asLong()).max().orElse(0);
        assertThat(head).as("%s's event store head", service).isPositive();
        return Eventually.await(service + ": the chain verified up to its head", WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> get(service, "/api/audit/verification", "auditor").json(),
                        v -> v.path("chainedHead").asLong() >= head && v.path("ok").asBoolean() && v.path("to").asLong() >= head);
    }

    private static boolean allCaughtUp(JsonNode processors) {
        return StreamSupport.stream(processors.spliterator(), false).allMatch(p -> p.path("running").asBoolean()
                && !p.path("error").asBoolean() && !p.path("replaying").asBoolean(true) && p.path("caughtUp").asBoolean()
                && p.path("segments").size() == p.path("tokenSegments").asInt(-1));
    }

    private static List<JsonNode> notificationsOf(String caseId) {
        List<JsonNode> list = new ArrayList<>();
        // what identifies each notification (its status may move on meanwhile: a retry, or the erasure abandoning it)
        get("notification-service", "/api/notifications?caseId=" + caseId, "auditor").json().path("items").forEach(n -> list.add(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("id", n.path("id").asText()).put("caseId", n.path("caseId").asText())
                        .put("trigger", n.path("trigger").asText()).put("ruleId", n.path("ruleId").asText())
                        .put("triggeredBy", n.path("triggeredBy").asText()).put("requestedAt", n.path("requestedAt").asText())));
        return list;
    }

    /** "collection: _id" of every document of {@code service}'s database whose JSON holds {@code text}. */
    private static List<String> documentsContaining(String service, String text) {
        List<String> found = new ArrayList<>();
        MongoDatabase database = database(service);
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                if (document.toJson().contains(text)) {
                    found.add(collection + ": " + document.get("_id"));
                }
            }
        }
        return found;
    }

    private static MongoDatabase database(String service) {
        return mongo.getDatabase(services.database(service));
    }

    private static Api.Response get(String service, String path, String role) {
        return Api.get(services.uri(service, path), token(role));
    }

    private static String token(String role) {
        return tokens.token("erasure-" + role, role);
    }

    private static String randomLetters(int n) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < n; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
