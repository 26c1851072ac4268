package org.pledge.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledge.testsupport.messaging.CaseEventSamples.submittedBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pledge.notification.contact.api.ContactDirectory;
import org.pledge.notification.contact.api.ContactIds;
import org.pledge.notification.contact.api.ContactPoints;
import org.pledge.notification.contact.api.RecordContactCommand;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.pledge.testsupport.messaging.TestCloudEvents.CloudEvent;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contact preferences through HTTP: set by a channel or a caseworker, shown by GET and by the contact directory the
 * sending side asks, idempotent on retry, undone only by a case submitted later, and refused with problems for bad input,
 * an unknown or erased subject, an unsupported language or a channel without a contact point. The cases come through
 * the real broker ({@code CaseEventSamples.submittedBy}: fr-CA by EMAIL, with an email, a phone and a postal address).
 */
class ContactPreferencesIT extends NotificationServiceITSupport {

    private static final String MONDAY = "2026-03-02T14:00:00Z";

    @Autowired
    ContactDirectory directory;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandGateway commands;

    @Test
    void preference_isInForce_forTheApiAndTheSendingSide_andARetryStoresNothing() {
        String subject = submittedSubject(MONDAY);
        assertThat(preferences(subject).path("languageSource").asText()).isEqualTo("CASE");

        ApiResponse set = put(subject, """
                {"language":"EN-ca","channel":"SMS"}""", channelToken());

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode body = set.json();
        assertThat(body.path("language").asText()).isEqualTo("en-CA"); // normalised
        assertThat(body.path("channel").asText()).isEqualTo("SMS");
        assertThat(body.path("languageSource").asText()).isEqualTo("PREFERENCE");
        assertThat(body.path("channelSource").asText()).isEqualTo("PREFERENCE");
        assertThat(body.path("preferencesStatedAt").asText()).isNotBlank();
        assertThat(set.header("ETag")).isEqualTo("W/\"1\""); // the recorded contact is 0, the preference 1
        ContactPoints reach = directory.reach(subject).orElseThrow();
        assertThat(reach.language()).isEqualTo("en-CA");
        assertThat(reach.preferredChannel()).isEqualTo("SMS");
        assertThat(reach.email()).isNotBlank();

        ApiResponse again = put(subject, """
                {"language":"en-CA","channel":"SMS"}""", caseworkerToken());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(again.json().path("preferencesStatedAt").asText()).isEqualTo(body.path("preferencesStatedAt").asText());
        assertThat(eventStore.readEvents(ContactIds.of(subject)).asStream().count()).isEqualTo(2);
        assertThat(get("/api/contacts/" + subject, caseworkerToken()).json().path("preferredChannel").asText()).isEqualTo("SMS");
    }

    @Test
    void preference_givesWayToACaseSubmittedLater_butNotToOneSubmittedEarlierArrivingLate() {
        String subject = submittedSubject(MONDAY);
        put(subject, """
                {"language":"en","channel":"LETTER"}""", caseworkerToken());
        // submitted before the preference was set (2026-03-01), arriving now: the preference stays
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, "2026-03-01T09:00:00Z", "old@example.org"));
        awaitSubmitted(marker());
        assertThat(preferences(subject).path("channel").asText()).isEqualTo("LETTER");

        // submitted after it (the clock ticks from now; a year ahead is surely later): the case's fr-CA by EMAIL is in force
        String later = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(365L * 24 * 3600).toString();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, later, "new@example.org"));
        JsonNode shown = Eventually.await("the newer case in force", DELIVERY)
                .until(() -> preferences(subject), p -> "CASE".equals(p.path("channelSource").asText()));
        assertThat(shown.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(shown.path("language").asText()).isEqualTo("fr-CA");
        assertThat(shown.path("submittedAt").asText()).isEqualTo(later);
        assertThat(directory.reach(subject).orElseThrow().preferredChannel()).isEqualTo("EMAIL");
    }

    @Test
    void preference_isRefused_withProblems_forBadInputUnknownSubjectsAndUnreachableChannels() {
        String subject = submittedSubject(MONDAY);
        put(subject, """
                {"language":"fr-CA"}""", caseworkerToken()).assertProblem(400, "request.validation-failed");
        put(subject, """
                {"language":"français","channel":"EMAIL"}""", caseworkerToken()).assertProblem(400, "request.validation-failed");
        put(subject, """
                {"language":"fr","channel":"FAX"}""", caseworkerToken()).assertProblem(400, "request.validation-failed");
        put(subject, """
                {"language":"fr","channel":1}""", caseworkerToken()).assertProblem(400, "request.malformed");
        put(subject, "{", caseworkerToken()).assertProblem(400, "request.malformed");
        put(subject, """
                {"language":"es-MX","channel":"EMAIL"}""", caseworkerToken()).assertProblem(422, "contact.language-unsupported");
        put("nobody-" + UUID.randomUUID(), """
                {"language":"fr","channel":"EMAIL"}""", caseworkerToken()).assertProblem(404, "contact.not-found");
        get("/api/contacts/nobody-" + UUID.randomUUID() + "/preferences", caseworkerToken()).assertProblem(404, "contact.not-found");

        // a case without a postal address: LETTER cannot reach the client
        String noAddress = "web-" + UUID.randomUUID();
        sendCaseEvent(submittedWithoutAddress(noAddress));
        awaitSubmitted(noAddress);
        put(noAddress, """
                {"language":"fr","channel":"LETTER"}""", caseworkerToken()).assertProblem(422, "contact.channel-unreachable");

        for (String role : List.of("auditor", "operations", "admin", "finance")) {
            put(subject, """
                    {"language":"fr","channel":"EMAIL"}""", token(role)).assertProblem(403, null);
        }
        assertThat(eventStore.readEvents(ContactIds.of(subject)).asStream().count()).isEqualTo(1);
    }

    @Test
    void preference_isGone410_onceTheSubjectIsErased() {
        String subject = submittedSubject(MONDAY);
        ApiResponse erased = api.send("DELETE", "/api/data-subjects/" + subject + "?reason=subject-request", adminToken(), null,
                Map.of());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        get("/api/contacts/" + subject + "/preferences", channelToken()).assertProblem(410, "contact.erased");
        put(subject, """
                {"language":"fr","channel":"EMAIL"}""", channelToken()).assertProblem(410, "contact.erased");
    }

    @Test
    void contactDirectory_reachesAContactTheReadModelDoesNotShowYet() {
        // the notification of the very case that states a contact is planned at once: it must not wait for the projection
        String subject = "web-" + UUID.randomUUID();
        EventProcessor projection = processing.eventProcessor("contacts").orElseThrow();
        projection.shutDown();
        try {
            commands.sendAndWait(RecordContactCommand.of(subject, UUID.randomUUID().toString(), "Marie Tremblay", "early@example.org",
                    null, null, "fr-CA", "EMAIL", Instant.parse(MONDAY), "ce-" + UUID.randomUUID(), clock.instant()));

            get("/api/contacts/" + subject, caseworkerToken()).assertProblem(404, "contact.not-found"); // not projected
            ContactPoints reach = directory.reach(subject).orElseThrow();
            assertThat(reach.email()).isEqualTo("early@example.org");
            assertThat(reach.language()).isEqualTo("fr-CA");
            assertThat(reach.preferredChannel()).isEqualTo("EMAIL");
            assertThat(directory.reach("nobody-" + UUID.randomUUID())).isEmpty();
        } finally {
            projection.start();
        }
        awaitSubmitted(subject);
    }

    // --- helpers

    private ApiResponse put(String subject, String body, String token) {
        return api.put("/api/contacts/" + subject + "/preferences", token, body);
    }

    private JsonNode preferences(String subject) {
        ApiResponse response = get("/api/contacts/" + subject + "/preferences", channelToken());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A fresh subject whose case (submitted at {@code submittedAt}) was recorded. */
    private String submittedSubject(String submittedAt) {
        String subject = "web-" + UUID.randomUUID();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), subject, submittedAt, "marie-" + UUID.randomUUID() + "@example.org"));
        awaitSubmitted(subject);
        return subject;
    }

    /** A fresh subject's case sent last on the partition: once it is recorded, every earlier record was consumed. */
    private String marker() {
        String marker = "marker-" + UUID.randomUUID();
        sendCaseEvent(submittedBy(ceId(), UUID.randomUUID().toString(), marker, MONDAY, "marker@example.org"));
        return marker;
    }

    private void awaitSubmitted(String subject) {
        Eventually.await("the contact of " + subject, DELIVERY)
                .until(() -> get("/api/contacts/" + subject + "/preferences", caseworkerToken()).status() == 200);
    }

    /** {@code submittedBy} without the postal address. */
    private static CloudEvent submittedWithoutAddress(String subject) {
        CloudEvent event = submittedBy(ceId(), UUID.randomUUID().toString(), subject, MONDAY, "noaddress@example.org");
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(event.json());
            ((ObjectNode) data.path("applicant")).remove("postalAddress");
            return new CloudEvent(event.id(), event.type(), event.source(), event.subject(), JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
