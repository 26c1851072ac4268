package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.Topics;
import org.pledge.notification.contact.api.ContactIds;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.messaging.TestCloudEvents;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The clients' contacts: fed by {@code pledge.case.submitted.v1} through the real broker, read through the HTTP API by
 * the roles that may see personal data, kept encrypted in the event store and the read model, and erased with their
 * data subject (by the service's own erasure API or by another service's erasure on {@code pledge.privacy.v1}), for
 * good: a replay of the contacts processor rebuilds them erased. Every record goes to partition 0, so a later record's
 * effect proves the earlier ones were consumed.
 */
class ContactsIT extends NotificationServiceITSupport {

    private static final String MONDAY = "2026-03-02T14:00:00Z";
    private static final String TUESDAY = "2026-03-03T09:30:00Z";

    @Autowired
    MongoDatabaseFactory databases;
    @Autowired
    EventStore eventStore;

    @Test
    void submittedCase_recordsItsApplicantsContactOnce_evenWhenDeliveredAgainOrRepublished() {
        String subject = "web-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String email = "marie-" + UUID.randomUUID() + "@example.org";
        CloudEvent submitted = submittedBy(ceId(), caseId, subject, MONDAY, email);
        sendCaseEvent(submitted);
        sendCaseEvent(submitted); // the broker delivers it again: same ce_id
        sendCaseEvent(submittedBy(ceId(), caseId, subject, MONDAY, email)); // republished

        JsonNode contact = awaitContact(subject);

        assertThat(contact.path("subjectRef").asText()).isEqualTo(subject);
        assertThat(contact.path("name").asText()).isEqualTo("Marie Tremblay");
        assertThat(contact.path("email").asText()).isEqualTo(email);
        assertThat(contact.path("phone").asText()).isEqualTo("+15145550123");
        assertThat(contact.path("postalAddress").asText()).isEqualTo("1200 rue Sainte-Catherine O\nMontréal QC H3B 1K9");
        assertThat(contact.path("language").asText()).isEqualTo("fr-CA");
        assertThat(contact.path("preferredChannel").asText()).isEqualTo("EMAIL");
        assertThat(contact.path("caseId").asText()).isEqualTo(caseId);
        assertThat(contact.path("submittedAt").asText()).isEqualTo(MONDAY);
        // a later record on the same partition proves the copies were consumed: still one event
        awaitContact(sendSubmission(MONDAY));
        assertThat(eventStore.readEvents(ContactIds.of(subject)).asStream().count()).isEqualTo(1);
    }

    @Test
    void laterCase_replacesTheContact_andAnEarlierCaseArrivingAfterIt_doesNot() {
        String subject = "web-" + UUID.randomUUID();
        String later = UUID.randomUUID().toString();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, MONDAY,
                "first@example.org"));
        sendCaseEvent(submittedBy(ceId(), later, subject, TUESDAY, "newer@example.org"));
        // an older case (Monday 10:00) whose event comes last
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject,
                "2026-03-02T10:00:00Z", "older@example.org"));
        awaitContact(sendSubmission(TUESDAY));

        JsonNode contact = getAs("/api/contacts/" + subject, "admin").json();

        assertThat(contact.path("email").asText()).isEqualTo("newer@example.org");
        assertThat(contact.path("caseId").asText()).isEqualTo(later);
        assertThat(eventStore.readEvents(ContactIds.of(subject)).asStream().count()).isEqualTo(2);
    }

    @Test
    void contactPoints_areStoredEncrypted_inTheEventStoreAndTheReadModel() {
        String email = "secret-" + UUID.randomUUID() + "@example.org";
        String subject = "web-" + UUID.randomUUID();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, MONDAY, email));

        assertThat(awaitContact(subject).path("email").asText()).isEqualTo(email);

        assertThat(documentsContaining(email)).isEmpty();
        Document stored = database().getCollection("contacts").find(new Document("_id", subject)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("email")).startsWith("pd1:");
        assertThat(stored.getString("name")).startsWith("pd1:");
    }

    @Test
    void contact_isGone410_andNothingOfItIsStored_afterTheSubjectIsErasedThroughTheApi_evenAfterAReplay() {
        String email = "gone-" + UUID.randomUUID() + "@example.org";
        String subject = "web-" + UUID.randomUUID();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, MONDAY, email));
        awaitContact(subject);

        ApiResponse erased = api.send("DELETE", "/api/data-subjects/" + subject + "?reason=subject-request", token("admin"), null,
                java.util.Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        getAs("/api/contacts/" + subject, "caseworker").assertProblem(410, "contact.erased");
        assertThat(documentsContaining(email)).isEmpty();
        assertThat(database().getCollection("contacts").find(new Document("_id", subject)).first().getString("email"))
                .isEqualTo("[erased]");

        replayContacts();
        getAs("/api/contacts/" + subject, "caseworker").assertProblem(410, "contact.erased");
        assertThat(database().getCollection("contacts").find(new Document("_id", subject)).first().getString("email"))
                .isEqualTo("[erased]");
    }

    @Test
    void contact_isGone410_afterAnotherServiceErasedTheSubject_andANewCaseOfItIsStoredErased() {
        String subject = "web-" + UUID.randomUUID();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, MONDAY,
                "before@example.org"));
        awaitContact(subject);

        TestCloudEvents.send(Topics.PRIVACY, 0, new CloudEvent(ceId(), "pledge.privacy.data-subject-erased.v1",
                "/pledge/case-service", subject, """
                {"subjectRef":"%s","erasedAt":"2026-03-04T08:00:00Z","reason":"subject-request"}""".formatted(subject)));
        Eventually.await("the erasure received", DELIVERY)
                .until(() -> getAs("/api/contacts/" + subject, "caseworker").status() == 410);

        // the same person comes back with a new case: stored erased, never under a new key
        String email = "after-" + UUID.randomUUID() + "@example.org";
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, TUESDAY, email));
        String marker = sendSubmission(TUESDAY);
        awaitContact(marker);
        Eventually.await("the new case's contact event stored", DELIVERY)
                .until(() -> eventStore.readEvents(ContactIds.of(subject)).asStream().count() == 2);

        getAs("/api/contacts/" + subject, "admin").assertProblem(410, "contact.erased");
        assertThat(documentsContaining(email)).isEmpty();
    }

    @Test
    void contact_answersProblems_forAnUnknownSubjectABadReferenceAndRolesThatMayNotSeePersonalData() {
        getAs("/api/contacts/nobody-" + UUID.randomUUID(), "caseworker").assertProblem(404, "contact.not-found");
        getAs("/api/contacts/" + "r".repeat(129), "caseworker").assertProblem(400, "request.validation-failed");
        getAs("/api/contacts/ref%E2%80%AEx", "caseworker").assertProblem(400, "request.validation-failed");
        for (String role : List.of("auditor", "operations", "channel", "finance")) {
            getAs("/api/contacts/web-1", role).assertProblem(403, null);
        }
        api.get("/api/contacts/web-1", null).assertProblem(401, null);
    }

    // --- helpers

    /** Sends one more submission on partition 0, of a fresh subject; returns the subject. */
    private static String sendSubmission(String submittedAt) {
        String marker = "marker-" + UUID.randomUUID();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), marker, submittedAt,
                "marker@example.org"));
        return marker;
    }

    private JsonNode awaitContact(String subject) {
        return Eventually.await("the contact of " + subject, DELIVERY).until(() -> {
            ApiResponse response = getAs("/api/contacts/" + subject, "caseworker");
            return response.status() == 200 ? response.json() : null;
        }, json -> json != null);
    }

    /** Replays the contacts processor from the start and waits until it has caught up again. */
    private void replayContacts() {
        ApiResponse replay = api.post("/ops/processors/contacts/replay", token("operations"), null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        api.awaitJson("/ops/processors", token("operations"), list -> StreamSupport.stream(list.spliterator(), false)
                .filter(p -> "contacts".equals(p.path("name").asText()))
                .anyMatch(p -> p.path("running").asBoolean() && !p.path("replaying").asBoolean(true) && p.path("caughtUp").asBoolean()
                        && p.path("segments").size() == p.path("tokenSegments").asInt(-1)));
    }

    /** "collection: _id" of every stored document, in any collection of the service's database, whose JSON holds {@code text}. */
    private List<String> documentsContaining(String text) {
        List<String> found = new ArrayList<>();
        MongoDatabase database = database();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                if (document.toJson().contains(text)) {
                    found.add(collection + ": " + document.get("_id"));
                }
            }
        }
        return found;
    }

    private MongoDatabase database() {
        return databases.getMongoDatabase();
    }

    private ApiResponse getAs(String path, String role) {
        return api.get(path, token(role));
    }
}
