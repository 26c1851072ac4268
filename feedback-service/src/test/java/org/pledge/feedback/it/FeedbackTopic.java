package org.pledge.feedback.it;

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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.pledge.contracts.Topics;
import org.pledge.testsupport.PledgeInfrastructure;
import org.pledge.testsupport.await.Eventually;
import org.pledge.testsupport.http.ServiceApi;

/**
 * {@code pledge.feedback.v1} as another service reads it: plain Kafka clients, no Spring, from the start of the topic
 * under a fresh consumer group each time.
 */
public final class FeedbackTopic {

    private FeedbackTopic() {
    }

    /** One record as a consumer sees it: Kafka key, {@code ce_id}, {@code ce_type}, {@code ce_subject} and the JSON data. */
    public record Published(String key, String id, String type, String subject, JsonNode data) {
    }

    /**
     * The records keyed by {@code key} on {@code pledge.feedback.v1}, in offset order, once {@code until} accepts them;
     * fails after {@code within} with what was found.
     */
    public static List<Published> await(String key, Predicate<List<Published>> until, Duration within) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "feedback-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Published> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.FEEDBACK));
            try {
                Eventually.await("records of " + key + " on " + Topics.FEEDBACK, within).until(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (key.equals(record.key())) {
                            found.add(published(record));
                        }
                    }
                    return until.test(List.copyOf(found));
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("records of " + key + " on " + Topics.FEEDBACK + " never matched; found types "
                        + found.stream().map(Published::type).toList(), e);
            }
        }
        return found;
    }

    /** The number of records of {@code type} in {@code records}. */
    public static long count(List<Published> records, String type) {
        return records.stream().filter(r -> type.equals(r.type())).count();
    }

    private static Published published(ConsumerRecord<String, byte[]> record) {
        JsonNode data;
        try {
            data = ServiceApi.JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON on " + Topics.FEEDBACK + " at offset " + record.offset(), e);
        }
        return new Published(record.key(), header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_subject"), data);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
