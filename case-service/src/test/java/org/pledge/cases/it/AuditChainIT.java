package org.pledge.cases.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledge.audit.AuditKeys;
import org.pledge.audit.AuditLinks;
import org.pledge.audit.Checkpoint;
import org.pledge.audit.CheckpointSigner;
import org.pledge.audit.CheckpointVerifier;
import org.pledge.audit.cli.VerifyCommand;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;
import org.pledge.contracts.audit.AuditCheckpointV1;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * case-service's audit chain on real storage (mongo-java-server through the test infrastructure) and the real broker:
 * events appended through the API are chained; tampering directly in MongoDB is caught and named (first broken
 * sequence and kind) by {@code GET /api/audit/verification}; checkpoints go out on {@code pledge.audit.v1} signed with
 * the key the API serves; an export verifies with the offline verifier and fails after tampering; a reset of the
 * chain processor redelivers everything and changes no link.
 * <p>
 * Its own service and database ({@code pledge.test.context=audit}). Each tampering is made with the event processors
 * stopped (an insertion shifts documents past the head, which trackers would otherwise deliver) and undone before they
 * start again, so every test sees an intact store.
 */
@TestPropertySource(properties = {"pledge.test.context=audit", "pledge.audit.checkpoint-every=10",
        "pledge.audit.checkpoint-interval=1s", "pledge.audit.outbox-interval=200ms"})
class AuditChainIT extends CaseServiceITSupport {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    EventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabaseFactory mongo;
    @Autowired
    MeterRegistry meters;

    private String caseId;

    @BeforeEach
    void aFewCasesAreChained() {
        for (int i = 0; i < 3; i++) {
            caseId = submit("PASSPORT", Map.of());
            assertThat(transition(caseId, "assignment", caseworkerToken(), "{\"assignee\":\"cw-7\"}").status())
                    .isBetween(200, 299);
        }
        awaitChained();
    }

    // ------------------------------------------------------------------------------------------ verification

    @Test
    void anUntouchedStore_verifies_fromTheStartAndFromACheckpoint() {
        JsonNode all = verification("");
        assertThat(all.path("ok").asBoolean()).as(all.toString()).isTrue();
        assertThat(all.path("firstBreak").isNull()).isTrue();
        assertThat(all.path("eventsVerified").asLong()).isEqualTo(highestStored());
        assertThat(all.path("checkpointsVerified").asInt()).isPositive();

        long head = all.path("to").asLong();
        JsonNode tail = verification("?from=" + head + "&to=" + head);
        assertThat(tail.path("ok").asBoolean()).as(tail.toString()).isTrue();
        assertThat(tail.path("verifiedFrom").asLong()).isGreaterThan(1);
        assertThat(tail.path("checkpoints").path("start").asLong()).isEqualTo(tail.path("verifiedFrom").asLong() - 1);
    }

    @Test
    void oneByteOfAPayloadChanged_isChanged_atItsSequence() {
        long k = submittedAt(caseId);
        Document original = event(k);
        Document changed = new Document(original);
        String payload = original.getString("serializedPayload");
        int at = payload.indexOf("PASSPORT") + 3; // one character of the service type
        changed.put("serializedPayload", payload.substring(0, at) + 'Z' + payload.substring(at + 1));
        assertThat(changed.getString("serializedPayload")).hasSameSizeAs(payload).isNotEqualTo(payload);

        tampered(() -> replace(k, changed), () -> replace(k, original), k, "CHANGED");
    }

    @Test
    void aTimestampChanged_isChanged_atItsSequence() {
        long k = submittedAt(caseId);
        Document original = event(k);
        Document changed = new Document(original);
        changed.put("timeStamp", new Date(original.getDate("timeStamp").getTime() - 1));

        tampered(() -> replace(k, changed), () -> replace(k, original), k, "CHANGED");
    }

    @Test
    void anEventDeleted_isMissing_atItsSequence() {
        long k = submittedAt(caseId);
        Document original = event(k);

        tampered(() -> events().deleteOne(Filters.eq("_id", k)), () -> events().insertOne(original), k, "MISSING");
    }

    @Test
    void anEventInserted_withTheDocumentsAboveShiftedUp_isInserted_atItsSequence() {
        long k = submittedAt(caseId);
        Document forged = new Document(event(k));
        forged.put("eventIdentifier", UUID.randomUUID().toString());
        forged.put("aggregateKey", "forged-" + UUID.randomUUID() + "/0");
        forged.put("aggregateIdentifier", "forged");

        long[] highest = new long[1];
        tampered(() -> {
            highest[0] = highestStored();
            shift(k, highest[0], +1);
            forged.put("_id", k);
            events().insertOne(forged);
        }, () -> {
            events().deleteOne(Filters.eq("_id", k));
            shift(k + 1, highest[0] + 1, -1);
        }, k, "INSERTED");
    }

    @Test
    void twoEventsSwapped_areReordered_atTheFirst() {
        long k = submittedAt(caseId); // the case's submission, then its assignment at k + 1
        Document first = event(k);
        Document second = event(k + 1);
        assertThat(second.getString("aggregateIdentifier")).isEqualTo(caseId);

        tampered(() -> {
            events().deleteMany(Filters.in("_id", List.of(k, k + 1)));
            events().insertOne(withId(second, k));
            events().insertOne(withId(first, k + 1));
        }, () -> {
            events().deleteMany(Filters.in("_id", List.of(k, k + 1)));
            events().insertMany(List.of(first, second));
        }, k, "REORDERED");
    }

    @Test
    void aCheckpointSignedWithAnotherKey_isRejected() {
        MongoCollection<Document> checkpoints = mongo.getMongoDatabase().getCollection("audit_checkpoints");
        Document original = checkpoints.find().sort(Sorts.descending("_id")).first();
        assertThat(original).as("a checkpoint").isNotNull();
        long sequence = original.getLong("_id");
        Checkpoint forged = new CheckpointSigner(AuditKeys.generate(AuditKeys.ED25519)).sign("case-service", sequence,
                HEX.parseHex(original.getString("link")), original.getDate("signedAt").toInstant());
        Document replaced = new Document(original).append("keyId", forged.keyId())
                .append("signature", HEX.formatHex(forged.signature()));

        tampered(() -> checkpoints.replaceOne(Filters.eq("_id", sequence), replaced),
                () -> checkpoints.replaceOne(Filters.eq("_id", sequence), original), sequence, "CHECKPOINT_SIGNATURE");
    }

    // ------------------------------------------------------------------------------------------ checkpoints, proof

    @Test
    void checkpoints_arePublishedOnTheAuditTopic_signedWithTheKeyTheApiServes() {
        JsonNode key = auditGet("/api/audit/public-key").json();
        CheckpointVerifier verifier = new CheckpointVerifier(AuditKeys.readPublicKey(key.path("publicKey").asText()));
        assertThat(key.path("keyId").asText()).isEqualTo(verifier.keyId());

        List<ConsumerRecord<String, byte[]>> published = awaitPublishedCheckpoints(verifier.keyId());

        ConsumerRecord<String, byte[]> record = published.get(0);
        assertThat(record.key()).isEqualTo("case-service");
        assertThat(CaseTopic.header(record, "ce_type")).isEqualTo("pledge.audit.checkpoint.v1");
        SchemaCheck.assertValid("pledge.audit.checkpoint.v1", record.value());
        for (ConsumerRecord<String, byte[]> each : published) {
            AuditCheckpointV1 data = read(each.value());
            Checkpoint checkpoint = new Checkpoint(data.service(), data.sequence(), HEX.parseHex(data.link()),
                    data.signedAt(), data.keyId(), data.algorithm(), HEX.parseHex(data.signature()));
            assertThat(verifier.verify(checkpoint)).as("signature of %s", data.sequence()).isTrue();
            assertThat(CaseTopic.header(each, "ce_id")).isEqualTo("case-service:" + data.sequence());
            JsonNode proof = auditGet("/api/audit/events/" + data.sequence()).json();
            assertThat(proof.path("link").asText()).isEqualTo(data.link());
        }
        long sequence = read(record.value()).sequence();
        Eventually.await("checkpoint " + sequence + " marked published").until(() ->
                auditGet("/api/audit/events/" + sequence).json().path("checkpoint").path("published").asBoolean());
    }

    @Test
    void anEventsProof_leadsFromThePreviousLinkThroughItsPath_toItsCheckpointsSignedLink() {
        long k = submittedAt(caseId);
        Eventually.await("a checkpoint at or after " + k).until(() ->
                !auditGet("/api/audit/events/" + k).json().path("checkpoint").isNull());
        JsonNode proof = auditGet("/api/audit/events/" + k).json();

        assertThat(proof.path("record").path("aggregateIdentifier").asText()).isEqualTo(caseId);
        assertThat(proof.path("record").path("payload").asText()).isEqualTo(event(k).getString("serializedPayload"));
        byte[] link = AuditLinks.next(HEX.parseHex(proof.path("previousLink").asText()),
                HEX.parseHex(proof.path("canonicalBytes").asText()));
        assertThat(HEX.formatHex(link)).isEqualTo(proof.path("link").asText());
        for (JsonNode step : proof.path("path")) {
            link = AuditLinks.next(link, HEX.parseHex(step.path("canonicalBytes").asText()));
        }
        assertThat(HEX.formatHex(link)).isEqualTo(proof.path("checkpoint").path("link").asText());
    }

    // ------------------------------------------------------------------------------------------ export, offline

    @Test
    void anExport_verifiesWithTheOfflineVerifier_andFailsAfterTampering(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("case-service.pem");
        Files.writeString(key, auditGet("/api/audit/public-key").json().path("publicKey").asText());
        Path export = dir.resolve("export.ndjson");
        ApiResponse exported = auditGet("/api/audit/export");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.header("Content-Type")).startsWith("application/x-ndjson");
        Files.writeString(export, exported.body());

        Cli intact = verifyOffline(key, export);
        assertThat(intact.status()).as(intact.out()).isEqualTo(VerifyCommand.OK);
        assertThat(intact.out()).startsWith("OK: case-service sequences 1..");

        long k = submittedAt(caseId);
        Document original = event(k);
        Document changed = new Document(original).append("serializedMetaData",
                original.getString("serializedMetaData").replace("web-portal", "web-portaL"));
        withProcessorsStopped(() -> {
            replace(k, changed);
            try {
                Files.writeString(export, auditGet("/api/audit/export").body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                replace(k, original);
            }
        });
        Cli broken = verifyOffline(key, export);
        assertThat(broken.status()).as(broken.out()).isEqualTo(VerifyCommand.BROKEN);
        assertThat(broken.out()).contains("First break at sequence " + k + ": CHANGED");
    }

    // ------------------------------------------------------------------------------------------ redelivery

    @Test
    void aResetOfTheChainProcessor_redeliversEverything_andChangesOrAddsNoLink() {
        MongoCollection<Document> links = mongo.getMongoDatabase().getCollection("audit_links");
        MongoCollection<Document> checkpoints = mongo.getMongoDatabase().getCollection("audit_checkpoints");
        List<Document> linksBefore = links.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        List<Document> checkpointsBefore = checkpoints.find().sort(Sorts.ascending("_id"))
                .projection(new Document("published", 0).append("publishedAt", 0)).into(new ArrayList<>());
        long head = highestStored();
        StreamingEventProcessor chain = processing.eventProcessor("pledge-audit-chain", StreamingEventProcessor.class)
                .orElseThrow();

        chain.shutdownAsync().join();
        chain.resetTokens();
        chain.start();
        Eventually.await("the chain processor replayed up to " + head, Duration.ofSeconds(60)).until(() ->
                // (still "replaying" until an event after the reset point arrives: Axon's replay token)
                !chain.processingStatus().isEmpty() && chain.processingStatus().values().stream().allMatch(status ->
                        status.getCurrentPosition().orElse(0) >= head));

        assertThat(links.find().sort(Sorts.ascending("_id")).into(new ArrayList<>())).isEqualTo(linksBefore);
        // every checkpoint is as it was (a time-based one may have been added at the head meanwhile)
        List<Document> checkpointsAfter = checkpoints.find().sort(Sorts.ascending("_id"))
                .projection(new Document("published", 0).append("publishedAt", 0)).into(new ArrayList<>());
        assertThat(checkpointsAfter.subList(0, checkpointsBefore.size())).isEqualTo(checkpointsBefore);
        assertThat(checkpointsAfter.subList(checkpointsBefore.size(), checkpointsAfter.size()))
                .allSatisfy(added -> assertThat(added.getLong("_id")).isEqualTo(head));
        assertThat(meters.get("pledge.audit.chain.mismatches").gauge().value()).isZero();
        assertThat(verification("").path("ok").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ the doors

    @Test
    void theAuditApi_admitsAuditorsOnly_andAnswersBadInputWithProblems() {
        assertThat(get("/api/audit/verification", caseworkerToken()).status()).isEqualTo(403);
        assertThat(get("/api/audit/public-key", adminToken()).status()).isEqualTo(403);
        assertThat(get("/api/audit/verification", null).status()).isEqualTo(401);

        auditGet("/api/audit/verification?from=9&to=3").assertProblem(400, "audit.invalid-range");
        auditGet("/api/audit/verification?from=0").assertProblem(400, "audit.invalid-range");
        auditGet("/api/audit/verification?to=99999999").assertProblem(400, "audit.invalid-range");
        auditGet("/api/audit/verification?from=abc").assertProblem(400, null);
        auditGet("/api/audit/export?to=-1").assertProblem(400, "audit.invalid-range");
        auditGet("/api/audit/events/0").assertProblem(400, "audit.invalid-range");
        auditGet("/api/audit/events/abc").assertProblem(400, null);
        JsonNode notYet = auditGet("/api/audit/events/99999999").assertProblem(404, "audit.not-chained");
        assertThat(notYet.path("detail").asText()).startsWith("Sequence 99999999 is not chained; the chain ends at ");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Tampers with the processors stopped, asserts the first break, undoes it, and checks the store verifies again. */
    private void tampered(Runnable tamper, Runnable undo, long sequence, String kind) {
        withProcessorsStopped(() -> {
            tamper.run();
            try {
                JsonNode result = verification("");
                assertThat(result.path("ok").asBoolean()).as(result.toString()).isFalse();
                assertThat(result.path("firstBreak").path("sequence").asLong()).as(result.toString()).isEqualTo(sequence);
                assertThat(result.path("firstBreak").path("kind").asText()).as(result.toString()).isEqualTo(kind);
            } finally {
                undo.run();
            }
            JsonNode again = verification("");
            assertThat(again.path("ok").asBoolean()).as("undone: " + again).isTrue();
        });
    }

    private void withProcessorsStopped(Runnable work) {
        List<EventProcessor> processors = List.copyOf(processing.eventProcessors().values());
        processors.forEach(p -> p.shutdownAsync().join());
        try {
            work.run();
        } finally {
            processors.forEach(EventProcessor::start);
        }
    }

    private JsonNode verification(String query) {
        ApiResponse response = auditGet("/api/audit/verification" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private ApiResponse auditGet(String path) {
        return get(path, auditorToken());
    }

    /** Waits until every stored number is chained. */
    private void awaitChained() {
        long highest = highestStored();
        Eventually.await("the chain reaches " + highest).until(() ->
                verification("").path("chainedHead").asLong() >= highest);
    }

    private MongoCollection<Document> events() {
        return ((MongoSequencedEventStorageEngine) engine).eventCollection();
    }

    private Document event(long sequence) {
        return events().find(Filters.eq("_id", sequence)).first();
    }

    private long highestStored() {
        return events().find().sort(Sorts.descending("_id")).limit(1).first().getLong("_id");
    }

    /** The global sequence number of the case's submission (its first event). */
    private long submittedAt(String id) {
        return events().find(Filters.eq("aggregateKey", id + "/0")).first().getLong("_id");
    }

    private void replace(long sequence, Document document) {
        events().deleteOne(Filters.eq("_id", sequence));
        events().insertOne(withId(document, sequence));
    }

    /** Moves the documents from..to by {@code by} (+1: from the top down; -1: from the bottom up). */
    private void shift(long from, long to, int by) {
        if (by > 0) {
            for (long n = to; n >= from; n--) {
                move(n, n + by);
            }
        } else {
            for (long n = from; n <= to; n++) {
                move(n, n + by);
            }
        }
    }

    private void move(long from, long to) {
        Document moved = event(from);
        events().deleteOne(Filters.eq("_id", from));
        events().insertOne(withId(moved, to));
    }

    private static Document withId(Document document, long id) {
        Document copy = new Document(document);
        copy.put("_id", id);
        return copy;
    }

    private List<ConsumerRecord<String, byte[]>> awaitPublishedCheckpoints(String keyId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "audit-chain-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.AUDIT));
            // other case-service contexts of this JVM publish too, each with its own dev key
            Eventually.await("checkpoints of key " + keyId + " on " + Topics.AUDIT, Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keyId.equals(read(record.value()).keyId())) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found;
    }

    private static AuditCheckpointV1 read(byte[] json) {
        try {
            return SchemaCheck.mapper().readValue(json, AuditCheckpointV1.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Cli(int status, String out) {
    }

    private static Cli verifyOffline(Path key, Path export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyCommand.run(new String[] {"--public-key", key.toString(), export.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
