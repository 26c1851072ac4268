package org.pledge.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KRaft broker keeps its log on disk: a record written before a restart is read after it. */
class EmbeddedKafkaIT {

    @Test
    void records_surviveARestart_onTheSameLogDirectory(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(port, dir)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("durable", "k", "before-restart")).get();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(port, dir);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "reader",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("durable"));
            List<String> values = new ArrayList<>();
            Awaitility.await("the record written before the restart").atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                        return values;
                    }, read -> !read.isEmpty());
            assertThat(values).containsExactly("before-restart");
        }
    }
}
