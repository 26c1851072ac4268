package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.privacy.DataSubjectKeyStore;
import org.pledge.platform.privacy.api.DataSubjectErasedEvent;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * Crypto-shredding in case-service on real storage and the real broker: a case's applicant is stored encrypted (no
 * document of the service's database holds a personal value in its raw bytes), an admin erases the client, the case
 * then reads with "[erased]" markers while its history, views and a replay of the read models still work, the erasure
 * is recorded once and published on {@code pledge.privacy.v1}; an erasure received from another service is applied
 * and never published again. Its own context and database, so the raw search covers only what it wrote.
 */
@TestPropertySource(properties = "pledge.test.context=personal-data-erasure")
class PersonalDataErasureIT extends CaseServiceITSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    MongoDatabaseFactory databases;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;

    /** One client with contact points that appear nowhere else. */
    record Client(String reference, String name, String email, String phone, String street, String city) {

        static Client fresh() {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            int digits = ThreadLocalRandom.current().nextInt(1000, 10000);
            return new Client("privacy-" + tag, "Zoë Privé-" + tag, "zoe." + tag + "@example.org", "+1514555" + digits,
                    tag + " Rue des Érables", "Montréal-" + tag);
        }

        String address() {
            return street + "\n" + city + " QC";
        }

        /** The values no stored byte may contain: each as it is written, the phone also without its "+1". */
        List<String> personalValues() {
            return List.of(name, email, phone, phone.substring(2), street, city);
        }

        String submission() {
            return """
                    {"serviceType":"PASSPORT","channel":"WEB",
                     "applicant":{"reference":"%s","name":"%s","email":"%s","phone":"%s",
                                  "postalAddress":"%s","language":"fr-CA","preferredChannel":"EMAIL"},
                     "feePaid":{"amount":"120.00","currency":"CAD"}}
                    """.formatted(reference, name, email, phone, address().replace("\n", "\\n"));
        }
    }

    @Test
    void erasingTheClient_shredsTheCasesPersonalData_keepsItsHistory_andIsPublishedOnce() throws Exception {
        Client client = Client.fresh();
        String caseId = submit(client);
        String cw = caseworkerToken();
        awaitCase(caseId, cw, c -> c.path("status").asText().equals("SUBMITTED"));
        JsonNode applicant = get("/api/cases/" + caseId + "/applicant", cw).json();
        assertThat(applicant.path("name").asText()).isEqualTo(client.name());
        assertThat(applicant.path("postalAddress").asText()).isEqualTo(client.address());
        assertThat(applicant.path("erased").asBoolean()).isFalse();
        assertThat(CaseTopic.await(caseId, 1)).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(client.email()));
        assertThat(storedEvents(caseId)).contains("pd1:");
        assertNoPersonalValueIsStored(client);
        int historyBefore = get("/api/cases/" + caseId + "/history", cw).json().size();

        ApiResponse erased = api.send("DELETE", "/api/data-subjects/" + client.reference() + "?reason=subject-request",
                adminToken(), null, Map.of());

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        JsonNode record = erased.json();
        assertThat(record.path("subjectRef").asText()).isEqualTo(client.reference());
        assertThat(record.path("erased").asBoolean()).isTrue();
        assertThat(record.path("reason").asText()).isEqualTo("subject-request");
        assertThat(record.path("erasedBy").asText()).isEqualTo("admin-1");
        assertThat(record.path("requestedThrough").asText()).isEqualTo("api");
        assertThat(record.path("completed").asBoolean()).isTrue();
        assertThat(erased.body()).doesNotContain(client.name(), client.email());

        // the case reads with markers; its view, history and the read models are untouched
        JsonNode shredded = get("/api/cases/" + caseId + "/applicant", cw).json();
        assertThat(shredded.path("erased").asBoolean()).isTrue();
        for (String field : List.of("name", "email", "phone", "postalAddress")) {
            assertThat(shredded.path(field).asText()).as(field).isEqualTo("[erased]");
        }
        assertThat(shredded.path("reference").asText()).isEqualTo(client.reference());
        assertThat(shredded.path("language").asText()).isEqualTo("fr-CA");
        JsonNode view = get("/api/cases/" + caseId, cw).json();
        assertThat(view.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(view.path("applicantReference").asText()).isEqualTo(client.reference());
        ApiResponse history = get("/api/cases/" + caseId + "/history", cw);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().size()).isEqualTo(historyBefore);
        assertThat(history.body()).doesNotContain(client.name(), "[erased]");

        // the key is gone, a tombstone stays; a second request answers the same record
        Document tombstone = keys().find(new Document("_id", client.reference())).first();
        assertThat(tombstone).isNotNull();
        assertThat(tombstone.getString("state")).isEqualTo("ERASED");
        assertThat(tombstone).doesNotContainKeys("wrappedKey", "keyId");
        ApiResponse again = api.send("DELETE", "/api/data-subjects/" + client.reference() + "?reason=legal-obligation",
                adminToken(), null, Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(record);
        assertThat(get("/api/data-subjects/" + client.reference(), adminToken()).json()).isEqualTo(record);

        // recorded once in the event store, with who, when and why, and nothing personal
        List<DomainEventMessage<?>> erasure = events(DataSubjectErasures.streamId(client.reference()));
        assertThat(erasure).singleElement().satisfies(e -> {
            DataSubjectErasedEvent payload = (DataSubjectErasedEvent) e.getPayload();
            assertThat(payload.subjectRef()).isEqualTo(client.reference());
            assertThat(payload.reason()).isEqualTo("subject-request");
            assertThat(payload.erasedBy()).isEqualTo("admin-1");
            assertThat(payload.requestedThrough()).isEqualTo("api");
            assertThat(payload.erasedAt().toString()).isEqualTo(record.path("erasedAt").asText());
            assertThat(e.getType()).isEqualTo(DataSubjectErasedEvent.AGGREGATE_TYPE);
            assertThat(e.getMetaData().get("actor")).isEqualTo("admin-1");
        });

        // published on the real broker, once, valid by its schema
        List<ConsumerRecord<String, byte[]>> published = CaseTopic.await(Topics.PRIVACY, client.reference(), 1);
        ConsumerRecord<String, byte[]> message = published.get(0);
        assertThat(CaseTopic.header(message, "ce_type")).isEqualTo("pledge.privacy.data-subject-erased.v1");
        assertThat(CaseTopic.header(message, "ce_source")).isEqualTo("/pledge/case-service");
        assertThat(CaseTopic.header(message, "ce_subject")).isEqualTo(client.reference());
        SchemaCheck.assertValid("pledge.privacy.data-subject-erased.v1", message.value());
        JsonNode data = JSON.readTree(message.value());
        assertThat(data.path("subjectRef").asText()).isEqualTo(client.reference());
        assertThat(data.path("reason").asText()).isEqualTo("subject-request");

        // what comes after: no follow-up for nobody, no new case under the erased reference, a clear answer each
        transition(caseId, "follow-ups", cw, "{\"reasonCode\":\"client-called-back\"}").assertProblem(409, "case.applicant-erased");
        post("/api/cases", channelToken(), client.submission(), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .assertProblem(422, "case.applicant-reference-erased");

        // a replay of the read models from the start reads the same
        List<Document> summaries = all("case_summaries");
        List<Document> clocks = all("sla_clocks");
        replay("case-summaries", "sla-clocks", "catalogue");
        assertThat(all("case_summaries")).isEqualTo(summaries);
        assertThat(all("sla_clocks")).isEqualTo(clocks);
        assertThat(get("/api/cases/" + caseId, cw).json().path("deadline")).isEqualTo(view.path("deadline"));
        assertThat(get("/api/cases/" + caseId + "/applicant", cw).json()).isEqualTo(shredded);

        assertNoPersonalValueIsStored(client);
    }

    @Test
    void anErasureFromAnotherService_isApplied_andRecorded_butNeverPublishedAgain() throws Exception {
        Client client = Client.fresh();
        String caseId = submit(client);
        String ceId = "ce-" + UUID.randomUUID();

        CaseTopic.sendCloudEvent(Topics.PRIVACY, client.reference(), ceId, "pledge.privacy.data-subject-erased.v1",
                "{\"subjectRef\":\"%s\",\"erasedAt\":\"2026-03-02T14:00:00Z\",\"reason\":\"retention\"}".formatted(client.reference()));
        CaseTopic.sendCloudEvent(Topics.PRIVACY, client.reference(), ceId, "pledge.privacy.data-subject-erased.v1",
                "{\"subjectRef\":\"%s\",\"erasedAt\":\"2026-03-02T14:00:00Z\",\"reason\":\"retention\"}".formatted(client.reference()));

        JsonNode status = api.awaitJson("/api/data-subjects/" + client.reference(), adminToken(),
                s -> s.path("erased").asBoolean() && s.path("completed").asBoolean());
        assertThat(status.path("reason").asText()).isEqualTo("retention");
        assertThat(status.path("requestedThrough").asText()).isEqualTo("pledge.privacy.v1");
        assertThat(status.path("erasedBy").asText()).isEqualTo("feedback-service");
        assertThat(get("/api/cases/" + caseId + "/applicant", caseworkerToken()).json().path("name").asText()).isEqualTo("[erased]");
        assertThat(events(DataSubjectErasures.streamId(client.reference()))).singleElement()
                .satisfies(e -> assertThat(((DataSubjectErasedEvent) e.getPayload()).requestedThrough()).isEqualTo("pledge.privacy.v1"));

        // the publisher handles events in order: once a later erasure of ours is out, the received one was passed over
        Client later = Client.fresh();
        assertThat(api.send("DELETE", "/api/data-subjects/" + later.reference() + "?reason=retention", adminToken(), null, Map.of())
                .status()).isEqualTo(200);
        CaseTopic.await(Topics.PRIVACY, later.reference(), 1);
        List<ConsumerRecord<String, byte[]>> forClient = CaseTopic.everything(Topics.PRIVACY, client.reference());
        assertThat(forClient).as("only the two copies the other service sent").hasSize(2)
                .allSatisfy(r -> assertThat(CaseTopic.header(r, "ce_source")).isEqualTo("/pledge/feedback-service"));
    }

    @Test
    void erasureRequests_thatAreNotAllowedOrNotValid_areProblems_neverErasures() {
        String ref = "privacy-bad-" + UUID.randomUUID().toString().substring(0, 8);

        api.send("DELETE", "/api/data-subjects/" + ref + "?reason=because", adminToken(), null, Map.of())
                .assertProblem(400, "privacy.invalid-reason");
        api.send("DELETE", "/api/data-subjects/" + ref, adminToken(), null, Map.of())
                .assertProblem(400, "request.parameter-missing");
        api.send("DELETE", "/api/data-subjects/" + "r".repeat(129) + "?reason=retention", adminToken(), null, Map.of())
                .assertProblem(400, "request.validation-failed");
        api.send("DELETE", "/api/data-subjects/" + ref + "?reason=subject-request", caseworkerToken(), null, Map.of())
                .assertProblem(403, "auth.forbidden");
        api.send("DELETE", "/api/data-subjects/" + ref + "?reason=subject-request", channelToken(), null, Map.of())
                .assertProblem(403, "auth.forbidden");
        api.send("DELETE", "/api/data-subjects/" + ref + "?reason=subject-request", null, null, Map.of())
                .assertProblem(401, "auth.unauthenticated");
        get("/api/data-subjects/" + ref, auditorToken()).assertProblem(403, "auth.forbidden");
        post("/api/privacy/master-key-rotation", operationsToken(), null, Map.of()).assertProblem(403, "auth.forbidden");

        JsonNode status = get("/api/data-subjects/" + ref, adminToken()).json();
        assertThat(status.path("erased").asBoolean()).isFalse();
        assertThat(status.path("erasedAt").isNull()).isTrue();
        assertThat(keys().countDocuments(new Document("_id", ref))).isZero();
    }

    @Test
    void masterKeyRotation_byAnAdmin_answersWhatItReWrapped() {
        submit(Client.fresh());

        ApiResponse rotation = post("/api/privacy/master-key-rotation", adminToken(), null, Map.of());

        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        assertThat(rotation.json().path("masterKeyId").asText()).startsWith("dev-");
        assertThat(rotation.json().path("rewrapped").asInt()).isZero(); // every key is wrapped by the current one already
        assertThat(rotation.json().path("notConfigured").asInt()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private String submit(Client client) {
        ApiResponse response = post("/api/cases", channelToken(), client.submission(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("caseId").asText();
    }

    /** Every document of every collection of the service's database, as raw BSON bytes: none holds a personal value. */
    private void assertNoPersonalValueIsStored(Client client) {
        MongoDatabase database = databases.getMongoDatabase();
        List<String> collections = database.listCollectionNames().into(new ArrayList<>());
        assertThat(collections).contains("events", "case_summaries", DataSubjectKeyStore.COLLECTION, "submission_keys");
        Map<String, String> found = new LinkedHashMap<>();
        long documents = 0;
        for (String collection : collections) {
            for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()) {
                documents++;
                java.nio.ByteBuffer buffer = document.getByteBuffer().asNIO();
                byte[] raw = new byte[buffer.remaining()];
                buffer.get(raw);
                String bytes = new String(raw, StandardCharsets.UTF_8);
                String json = document.toJson();
                for (String value : client.personalValues()) {
                    if (bytes.contains(value) || json.contains(value)) {
                        found.put(collection + " " + document.get("_id"), value);
                    }
                }
            }
        }
        assertThat(documents).isPositive();
        assertThat(found).as("documents holding a personal value in clear").isEmpty();
    }

    private String storedEvents(String caseId) {
        StringBuilder all = new StringBuilder();
        for (Document event : databases.getMongoDatabase().getCollection("events").find(new Document("aggregateIdentifier", caseId))) {
            all.append(event.toJson());
        }
        return all.toString();
    }

    private com.mongodb.client.MongoCollection<Document> keys() {
        return databases.getMongoDatabase().getCollection(DataSubjectKeyStore.COLLECTION);
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        stream.forEachRemaining(events::add);
        return events;
    }

    private List<Document> all(String collection) {
        return databases.getMongoDatabase().getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /**
     * Resets the processors' tokens (Axon's reset: their reset handlers run), restarts them, and waits until each has
     * replayed every event and caught up.
     */
    private void replay(String... groups) {
        List<StreamingEventProcessor> processors = new ArrayList<>();
        for (String group : groups) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            processors.add(processor);
        }
        // Axon ends a replay at the first event strictly after the reset position: store one that no read model
        // handles (another subject's erasure), so the read models must come out exactly as they were
        String marker = "privacy-replay-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.send("DELETE", "/api/data-subjects/" + marker + "?reason=retention", adminToken(), null, Map.of())
                .status()).isEqualTo(200);
        for (StreamingEventProcessor processor : processors) {
            Eventually.await(processor.getName() + " replayed", WAIT).until(() -> replayed(processor));
        }
    }

    private boolean replayed(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        return status.size() == segments && status.values().stream().noneMatch(EventTrackerStatus::isReplaying)
                && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
