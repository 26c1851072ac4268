package org.pledge.testsupport.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pledge.testsupport.PledgeInfrastructure;

/**
 * Sends binary-mode CloudEvents to the JVM's test broker ({@link PledgeInfrastructure}) as another service's
 * publisher would, with plain Kafka clients (header values raw UTF-8, no Spring type hints), and waits for the
 * broker's acknowledgement. Records sent to one partition are consumed in the order sent: a later record's visible
 * effect proves that the earlier ones were handled (or parked) before it.
 */
public final class TestCloudEvents {

    private static KafkaProducer<byte[], byte[]> producer;

    private TestCloudEvents() {
    }

    /** One CloudEvent: {@code ce_subject} and the Kafka key are {@code subject}; {@code ce_time} is now. */
    public record CloudEvent(String id, String type, String source, String subject, String json) {
    }

    /** Sends {@code event} to {@code topic}'s {@code partition} and waits until the broker has it. */
    public static void send(String topic, int partition, CloudEvent event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, bytes(event.subject()), bytes(event.json()));
        record.headers().add("ce_id", bytes(event.id())).add("ce_type", bytes(event.type()))
                .add("ce_source", bytes(event.source())).add("ce_specversion", bytes("1.0"))
                .add("ce_time", bytes(Instant.now().toString())).add("content-type", bytes("application/json"));
        if (event.subject() != null) {
            record.headers().add("ce_subject", bytes(event.subject()));
        }
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + event.id(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused " + event.id(), e.getCause());
        }
    }

    private static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PledgeInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-cloud-events-close"));
        }
        return producer;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
