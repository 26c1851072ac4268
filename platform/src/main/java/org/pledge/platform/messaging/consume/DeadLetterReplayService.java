package org.pledge.platform.messaging.consume;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pledge.platform.config.PledgeMessagingProperties;
import org.pledge.contracts.CloudEventHeaders;
import org.pledge.platform.web.PledgeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Lists and replays the messages parked on {@code <topic>.dlq}.
 *
 * <p>Reading uses the consumer group {@code <spring.application.name>.dlq-replay}, so each service has its own
 * position on the (shared) dead-letter topic. A replay re-drives each record through this service's local consumer(s)
 * of {@code <topic>} (deduplication makes records that another service parked, or that were already handled,
 * harmless) and commits after each record. A record that fails again is <b>republished to the dead-letter topic</b>
 * (with header {@code x-pledge-replay-error}) and its old offset committed: it stays parked, and it never blocks the
 * records behind it. Records that arrive during a replay are left for the next one.
 */
public class DeadLetterReplayService {

    public static final String REPLAY_ERROR_HEADER = "x-pledge-replay-error";
    static final String EXCEPTION_MESSAGE_HEADER = "x-exception-message";
    private static final String JSON_TYPES_HEADER = "spring_json_header_types";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayService.class);

    private final KafkaClientSettings kafka;
    private final PledgeMessagingProperties properties;
    private final BeanFactory beanFactory;
    private final String groupId;

    public DeadLetterReplayService(KafkaClientSettings kafka, PledgeMessagingProperties properties,
                                   BeanFactory beanFactory, String applicationName) {
        this.kafka = kafka;
        this.properties = properties;
        this.beanFactory = beanFactory;
        this.groupId = applicationName + ".dlq-replay";
    }

    public record ParkedMessage(int partition, long offset, Instant parkedAt, String key, String ceId, String ceType,
                                String ceSubject, String error) {
    }

    public record ReplayResult(String topic, int replayed, int failed) {
    }

    public List<ParkedMessage> list(String topic) {
        localConsumers(topic);
        List<ParkedMessage> parked = new ArrayList<>();
        read(topic, false, record -> parked.add(describe(record)));
        return parked;
    }

    public synchronized ReplayResult replay(String topic) {
        List<String> consumers = localConsumers(topic);
        int[] counts = new int[2];
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            read(topic, true, record -> {
                Message<byte[]> message = toMessage(record);
                try {
                    for (String name : consumers) {
                        consumerBean(name).accept(message);
                    }
                    counts[0]++;
                } catch (RuntimeException e) {
                    counts[1]++;
                    log.warn("replay of {}@{}/{} failed again; parked again", record.topic(), record.partition(),
                            record.offset(), e);
                    repark(producer, record, e);
                }
            });
        }
        return new ReplayResult(topic, counts[0], counts[1]);
    }

    private void read(String topic, boolean commit, Consumer<ConsumerRecord<byte[], byte[]>> action) {
        String dlq = topic + ".dlq";
        Map<String, Object> config = kafka.base();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        Duration pollTimeout = properties.deadLetters().pollTimeout();
        int max = properties.deadLetters().maxRecords();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(dlq, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata offset = committed.get(tp);
                if (offset != null) {
                    consumer.seek(tp, offset.offset());
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> remaining = new HashSet<>();
            for (TopicPartition tp : partitions) {
                if (consumer.position(tp) < end.get(tp)) {
                    remaining.add(tp);
                }
            }
            int handled = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!remaining.isEmpty() && handled < max && System.nanoTime() - deadline < 0) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (!remaining.contains(tp) || record.offset() >= end.get(tp) || handled >= max) {
                        continue; // arrived after the replay started, or over the limit: next time
                    }
                    action.accept(record);
                    handled++;
                    if (commit) {
                        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(record.offset() + 1)));
                    }
                    if (record.offset() + 1 >= end.get(tp)) {
                        remaining.remove(tp);
                    }
                }
                remaining.removeIf(tp -> consumer.position(tp) >= end.get(tp));
            }
        }
    }

    private List<String> localConsumers(String topic) {
        List<String> names = properties.consumers().entrySet().stream()
                .filter(e -> e.getValue().topic().equals(topic))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (names.isEmpty()) {
            throw new UnknownTopicException(topic);
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private Consumer<Message<byte[]>> consumerBean(String name) {
        return (Consumer<Message<byte[]>>) beanFactory.getBean(name, Consumer.class);
    }

    static Message<byte[]> toMessage(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (!JSON_TYPES_HEADER.equals(header.key())) {
                headers.put(header.key(), header.value());
            }
        }
        headers.put(KafkaHeaders.RECEIVED_KEY, record.key());
        headers.put(KafkaHeaders.RECEIVED_TOPIC, record.topic());
        headers.put(KafkaHeaders.RECEIVED_PARTITION, record.partition());
        headers.put(KafkaHeaders.OFFSET, record.offset());
        return MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value())
                .copyHeaders(headers).build();
    }

    private static ParkedMessage describe(ConsumerRecord<byte[], byte[]> record) {
        String error = text(record, REPLAY_ERROR_HEADER);
        if (error == null) {
            error = text(record, EXCEPTION_MESSAGE_HEADER);
        }
        if (error != null && error.length() > 500) {
            error = error.substring(0, 500);
        }
        return new ParkedMessage(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(record, CloudEventHeaders.ID), text(record, CloudEventHeaders.TYPE),
                text(record, CloudEventHeaders.SUBJECT), error);
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = kafka.base();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void repark(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record,
                               RuntimeException failure) {
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(record.topic(), null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!REPLAY_ERROR_HEADER.equals(header.key())) {
                again.headers().add(header);
            }
        }
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        again.headers().add(REPLAY_ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(again).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-parking " + record.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            // not committed then: the record stays where it is and the next replay sees it again
            throw new IllegalStateException("could not re-park " + record.topic() + "@" + record.offset(), e);
        }
    }

    /** No local consumer for that topic. */
    public static class UnknownTopicException extends PledgeException {
        public UnknownTopicException(String topic) {
            super("dead-letters.unknown-topic", HttpStatus.NOT_FOUND,
                    "This service does not consume the topic " + topic + ".");
        }
    }
}
