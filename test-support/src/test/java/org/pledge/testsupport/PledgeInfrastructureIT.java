package org.pledge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledge.testsupport.await.Eventually;

class PledgeInfrastructureIT {

    private final PledgeInfrastructure infrastructure = PledgeInfrastructure.get();

    @Test
    void infrastructure_isStartedOncePerJvm() {
        assertThat(PledgeInfrastructure.get()).isSameAs(infrastructure);
    }

    @Test
    void mode_followsTheDockerSwitch() {
        PledgeInfrastructure.Mode expected = PledgeInfrastructure.Mode.resolve(
                PledgeInfrastructure.setting(), PledgeInfrastructure::dockerAvailable);
        assertThat(infrastructure.mode()).isEqualTo(expected);
    }

    @Test
    void kafka_roundTripsARecord() throws Exception {
        String topic = "it-" + UUID.randomUUID();
        String value = "hello-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> received = new ArrayList<>();
            Eventually.await("the record on " + topic).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> received.add(record.value()));
                return received;
            }, values -> !values.isEmpty());
            assertThat(received).containsExactly(value);
        }
    }

    @Test
    void mongo_storesAndFindsADocument_inTheNamedDatabase() {
        String database = "it-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri(database))) {
            client.getDatabase(database).getCollection("things").insertOne(new Document("_id", "a").append("n", 1));
            Document found = client.getDatabase(database).getCollection("things").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(1);
        }
    }
}
