package org.pledge.platform.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.pledge.platform.messaging.publish.IntegrationEventPublisher.IntegrationEventPublishingException;
import org.pledge.platform.messaging.publish.IntegrationEventPublisher.TransientPublishingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.messaging.MessageDeliveryException;

class PublishFailuresTest {

    @Test
    void brokerDatabaseAndTimeOutFailures_areTransient_whereverTheyAreInTheChain() {
        assertThat(PublishFailures.isTransient(new TimeoutException("Expiring 3 record(s)"))).isTrue();
        assertThat(PublishFailures.isTransient(new ExecutionException(new KafkaProducerException(null, "Failed to send",
                new NotEnoughReplicasException("not enough in-sync replicas"))))).isTrue();
        assertThat(PublishFailures.isTransient(new TransientPublishingException("did not acknowledge within PT30S")))
                .isTrue();
        assertThat(PublishFailures.isTransient(new IntegrationEventPublishingException("interrupted",
                new InterruptedException()))).isTrue();
        assertThat(PublishFailures.isTransient(new IllegalStateException("read failed",
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress())))).isTrue();
        assertThat(PublishFailures.isTransient(new MongoTimeoutException("Timed out while waiting for a server")))
                .isTrue();
        assertThat(PublishFailures.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(PublishFailures.isTransient(new DataAccessResourceFailureException("no connection"))).isTrue();
        assertThat(PublishFailures.isTransient(new SocketTimeoutException("Read timed out"))).isTrue();
        // about our credentials, not about the event: an operator fixes it for every event at once
        assertThat(PublishFailures.isTransient(new TopicAuthorizationException("not authorised"))).isTrue();
        // the output binding, not the record: stopped
        assertThat(PublishFailures.isTransient(new MessageDeliveryException("Dispatcher has no subscribers"))).isTrue();
        // the producer, not the record: closed while the batch waited
        assertThat(PublishFailures.isTransient(new CompletionException(
                new KafkaException("Producer is closed forcefully.")))).isTrue();
    }

    @Test
    void failuresOfTheEventItself_arePermanent() {
        assertThat(PublishFailures.isTransient(new IllegalArgumentException("amount out of range"))).isFalse();
        assertThat(PublishFailures.isTransient(new IllegalStateException("no submission for case c-1"))).isFalse();
        assertThat(PublishFailures.isTransient(new IntegrationEventPublishingException("Kafka did not accept x",
                new KafkaProducerException(null, "Failed to send", new RecordTooLargeException("too large")))))
                .isFalse();
        assertThat(PublishFailures.isTransient(new InvalidTopicException("bad topic name"))).isFalse();
        assertThat(PublishFailures.isTransient(new SerializationException("cannot serialise"))).isFalse();
        assertThat(PublishFailures.isTransient(new IllegalArgumentException("cannot serialise data",
                new JsonMappingException(null, "Infinite recursion")))).isFalse();
        // a bare KafkaException that wraps a refused record is about the record
        assertThat(PublishFailures.isTransient(new KafkaException("send failed", new RecordTooLargeException("big"))))
                .isFalse();
        assertThat(PublishFailures.isTransient(new MessageDeliveryException(
                org.springframework.messaging.support.MessageBuilder.withPayload("x").build(), "failed to send",
                new SerializationException("cannot serialise key")))).isFalse();
        assertThat(PublishFailures.isTransient(new StackOverflowError())).isFalse();
        assertThat(PublishFailures.isTransient(null)).isFalse();
    }

    @Test
    void reason_namesTheRootCauseFirst_onOneLine_cutToTheLimit() {
        assertThat(PublishFailures.reason(new IllegalStateException("no submission for case c-1"), 500))
                .isEqualTo("IllegalStateException: no submission for case c-1");
        assertThat(PublishFailures.reason(new IntegrationEventPublishingException("Kafka did not accept t 1 for p",
                new RecordTooLargeException("The message is 2097152 bytes")), 500))
                .isEqualTo("RecordTooLargeException: The message is 2097152 bytes (Kafka did not accept t 1 for p)");
        assertThat(PublishFailures.reason(new IllegalArgumentException("line one\nline two"), 500))
                .isEqualTo("IllegalArgumentException: line one line two");
        assertThat(PublishFailures.reason(new NullPointerException(), 500)).isEqualTo("NullPointerException");
        String huge = PublishFailures.reason(new IllegalArgumentException("1" + "0".repeat(1_000_000)), 500);
        assertThat(huge).hasSize(500).startsWith("IllegalArgumentException: 1000").endsWith("…");
    }
}
