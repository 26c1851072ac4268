package org.pledge.platform.messaging.publish;

import java.util.concurrent.CompletableFuture;

import org.springframework.messaging.Message;

/**
 * Hands one record to the Kafka producer without waiting for the broker. The returned future completes when the
 * broker acknowledged the record ({@code acks=all}) or exceptionally when the producer gave up on it. A send that
 * cannot even be handed to the producer throws (or returns a future that failed already).
 */
@FunctionalInterface
public interface IntegrationEventSender {

    CompletableFuture<?> send(String topic, Message<byte[]> message);
}
