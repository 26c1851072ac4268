package org.pledge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledge.contracts.CloudEventHeaders;
import org.pledge.contracts.SchemaCheck;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.security.TestTokens;

/**
 * The four services as separate processes from their own jars, on a real Kafka broker: security at the
 * door of each, and an event stored by case-service reaching notification-service as a CloudEvent,
 * taking effect once even when delivered twice, and a poison message parked on the dead-letter topic. The services are
 * this JVM's shared set ({@link ServiceProcesses#shared()}), started once for every system test that uses them.
 */
class ServicesIT {

    private static final TestTokens tokens = TestTokens.get();
    private static ServiceProcesses services;

    /** One secured endpoint per service, a role allowed on it and a role that is not. */
    record Door(String service, String path, String allowedRole, String otherRole) {
    }

    static List<Door> doors() {
        return List.of(
                new Door("case-service", "/api/cases", "caseworker", "finance"),
                new Door("feedback-service", "/api/feedback/summary", "operations", "channel"),
                new Door("notification-service", "/api/notifications", "auditor", "channel"),
                new Door("guarantee-service", "/api/claims", "finance", "channel"));
    }

    @BeforeAll
    static void startServices() {
        services = ServiceProcesses.shared();
    }

    @ParameterizedTest
    @MethodSource("doors")
    void securedEndpoint_answers200_forTheRightRole(Door door) {
        Api.Response response = Api.get(services.uri(door.service(), door.path()), tokens.token(door.allowedRole(), door.allowedRole()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("doors")
    void securedEndpoint_answers403Problem_forAnotherRole(Door door) {
        Api.Response response = Api.get(services.uri(door.service(), door.path()), tokens.token(door.otherRole(), door.otherRole()));
        assertThat(response.status()).isEqualTo(403);
        assertProblem(response, 403);
    }

    @ParameterizedTest
    @MethodSource("doors")
    void securedEndpoint_answers401Problem_forMissingExpiredForeignOrUnsignedTokens(Door door) {
        String role = door.allowedRole();
        List<String> badTokens = new ArrayList<>();
        badTokens.add(null);
        badTokens.add(tokens.expiredToken(role, role));
        badTokens.add(tokens.tokenFromOtherIssuer(role, role));
        badTokens.add(tokens.unsignedToken(role, role));
        badTokens.add(tokens.tokenSignedWithUnknownKey(role, role));
        badTokens.add(tokens.hmacToken(role, role));
        badTokens.add(tokens.tokenForOtherAudience(role, role));
        for (String token : badTokens) {
            Api.Response response = Api.get(services.uri(door.service(), door.path()), token);
            assertThat(response.status()).as("token %s", token).isEqualTo(401);
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @ParameterizedTest
    @MethodSource("doors")
    void health_isOpen_andActuatorExposesNothingElse(Door door) {
        assertThat(Api.get(services.uri(door.service(), "/actuator/health"), null).status()).isEqualTo(200);
        String admin = tokens.token("admin", "admin");
        assertThat(Api.get(services.uri(door.service(), "/actuator/env"), admin).status()).isEqualTo(404);
        assertThat(Api.get(services.uri(door.service(), "/actuator/beans"), admin).status()).isEqualTo(404);
    }

    @Test
    void submittedCase_reachesNotificationService_once_evenWhenDeliveredTwice() throws Exception {
        String caseId = submitCase("dup-" + UUID.randomUUID());
        awaitNotifications(caseId, n -> n == 1);

        ConsumerRecord<String, byte[]> published = findPublished(caseId);
        assertThat(header(published, CloudEventHeaders.TYPE)).isEqualTo("pledge.case.submitted.v1");
        assertThat(header(published, CloudEventHeaders.SUBJECT)).isEqualTo(caseId);
        assertThat(header(published, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(published, CloudEventHeaders.SOURCE)).isEqualTo("/pledge/case-service");
        assertThat(header(published, CloudEventHeaders.CONTENT_TYPE)).startsWith("application/json");
        assertThat(published.key()).isEqualTo(caseId);
        SchemaCheck.assertValid("pledge.case.submitted.v1", published.value());

        // the broker delivers it again: same ce_id, same data
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> again = new ProducerRecord<>(Topics.CASE, published.key(), published.value());
            published.headers().forEach(h -> again.headers().add(h));
            producer.send(again).get();
        }
        // a later case on the same key's partition proves the duplicate has been consumed before we look
        String marker = submitCaseWithKeyOf(caseId);
        awaitNotifications(marker, n -> n == 1);
        assertThat(notificationsFor(caseId)).isEqualTo(1);
    }

    @Test
    void poisonMessage_isParkedOnTheDeadLetterTopic_afterItsRetries_andReplayReportsIt() throws Exception {
        String ceId = "poison-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.CASE, "poison",
                "{\"serviceType\":\"PASSPORT\"}".getBytes(StandardCharsets.UTF_8)); // no caseId: violates the schema
        poison.headers().add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.TYPE, "pledge.case.submitted.v1".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(poison).get();
        }

        ConsumerRecord<String, byte[]> parked = awaitRecord(Topics.deadLetter(Topics.CASE),
                r -> ceId.equals(header(r, CloudEventHeaders.ID)), Duration.ofSeconds(60));
        assertThat(parked.value()).isEqualTo(poison.value());

        Api.Response listing = Api.get(services.uri("notification-service", "/ops/dead-letters/" + Topics.CASE),
                tokens.token("operations", "operations"));
        assertThat(listing.status()).as(listing.body()).isEqualTo(200);
        assertThat(listing.body()).contains(ceId);

        Api.Response replay = Api.post(services.uri("notification-service", "/ops/dead-letters/" + Topics.CASE + "/replay"),
                tokens.token("operations", "operations"), "{}", Map.of());
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("failed").asInt()).isGreaterThanOrEqualTo(1);
    }

    // --- helpers

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static String submitCase(String idempotencyKey) {
        Api.Response response = Api.post(services.uri("case-service", "/api/cases"), tokens.token("web-portal", "channel"), """
                {"serviceType":"PASSPORT","channel":"WEB",
                 "applicant":{"reference":"ref-%s","name":"Test Person","email":"person@example.org",
                              "language":"en-CA","preferredChannel":"EMAIL"},
                 "feePaid":{"amount":"120.00","currency":"CAD"}}
                """.formatted(idempotencyKey), Map.of("Idempotency-Key", idempotencyKey));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("caseId").asText();
    }

    /** Submits cases until one lands on the same partition as {@code caseId} (keys hash to 3 partitions). */
    private static String submitCaseWithKeyOf(String caseId) {
        int partition = partitionOf(caseId);
        for (int i = 0; i < 30; i++) {
            String other = submitCase("marker-" + UUID.randomUUID());
            if (partitionOf(other) == partition) {
                return other;
            }
        }
        throw new AssertionError("no case landed on partition " + partition);
    }

    private static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    private static int notificationsFor(String caseId) {
        Api.Response response = Api.get(services.uri("notification-service", "/api/notifications?caseId=" + caseId),
                tokens.token("auditor", "auditor"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").size();
    }

    private static void awaitNotifications(String caseId, Predicate<Integer> condition) {
        Eventually.await("notifications for " + caseId, Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> notificationsFor(caseId), condition);
    }

    private static ConsumerRecord<String, byte[]> findPublished(String caseId) {
        return awaitRecord(Topics.CASE, r -> caseId.equals(header(r, CloudEventHeaders.SUBJECT)), Duration.ofSeconds(30));
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                              Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            return Eventually.await("a matching record on " + topic, timeout).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
                return null;
            }, record -> record != null);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
