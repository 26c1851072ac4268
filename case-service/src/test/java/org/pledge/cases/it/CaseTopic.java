package org.pledge.cases.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.core.ConditionTimeoutException;
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
import org.pledge.contracts.Topics;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.await.Eventually;

/** Plain Kafka clients, no Spring: what another service sees on the wire. */
final class CaseTopic {

    private CaseTopic() {
    }

    /** The first {@code count} records keyed by {@code caseId} on {@code pledge.case.v1}, in offset order; fails after 60 s. */
    static List<ConsumerRecord<String, byte[]>> await(String caseId, int count) {
        return await(Topics.CASE, caseId, count);
    }

    /** The first {@code count} records keyed by {@code key} on {@code topic}, in offset order; fails after 60 s. */
    static List<ConsumerRecord<String, byte[]>> await(String topic, String key, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "case-api-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            try {
                Eventually.await(count + " records of " + key + " on " + topic, Duration.ofSeconds(60)).until(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (key.equals(record.key())) {
                            found.add(record);
                        }
                    }
                    return found.size();
                }, n -> n >= count);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("only " + found.size() + " of " + count + " records for " + key + ": " + types(found), e);
            }
        }
        return found;
    }

    /** Every record keyed by {@code key} on {@code topic} so far: read from the start until the topic has nothing more. */
    static List<ConsumerRecord<String, byte[]>> everything(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "case-api-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int[] quiet = {0};
            boolean[] any = {false};
            Eventually.await("the end of " + topic, Duration.ofSeconds(60)).until(() -> {
                int n = 0;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    n++;
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                any[0] |= n > 0;
                quiet[0] = n > 0 ? 0 : quiet[0] + 1;
                return any[0] && quiet[0] >= 2;
            });
        }
        return found;
    }

    static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, "ce_type")).toList();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Sends a binary-mode CloudEvent as a non-Spring producer would (header values are raw UTF-8). */
    static void sendCloudEvent(String topic, String key, String id, String type, String json) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), bytes(json));
            record.headers().add("ce_id", bytes(id)).add("ce_type", bytes(type))
                    .add("ce_source", bytes("/pledge/feedback-service")).add("ce_subject", bytes(key))
                    .add("ce_specversion", bytes("1.0")).add("ce_time", bytes(Instant.now().toString()))
                    .add("content-type", bytes("application/json"));
            producer.send(record).get();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
