package org.pledge.platform.messaging.publish;

import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import org.pledge.audit.Checkpoint;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.Topics;
import org.pledge.contracts.audit.AuditCheckpointV1;
import org.pledge.platform.audit.CheckpointPublisher;
import org.springframework.messaging.Message;

/**
 * Publishes the audit chain's checkpoints as {@code pledge.audit.checkpoint.v1} on {@code pledge.audit.v1}
 * ({@link AuditCheckpointV1}), through the same {@link IntegrationEventSender} as integration events (the Kafka binder's
 * producer, {@code acks=all}, idempotent): CloudEvents in binary mode, keyed and subject by the service's name,
 * {@code ce_id} {@code <service>:<sequence>} (the same on every retry), {@code ce_time} the checkpoint's
 * {@code signedAt}.
 */
public class KafkaCheckpointPublisher implements CheckpointPublisher {

    private static final HexFormat HEX = HexFormat.of();

    private final IntegrationEventSender sender;
    private final CloudEventMessageFactory messages;

    public KafkaCheckpointPublisher(IntegrationEventSender sender, CloudEventMessageFactory messages) {
        this.sender = sender;
        this.messages = messages;
    }

    @Override
    public CompletableFuture<?> publish(Checkpoint checkpoint) {
        AuditCheckpointV1 data = new AuditCheckpointV1(checkpoint.service(), checkpoint.sequence(),
                HEX.formatHex(checkpoint.link()), checkpoint.signedAt(), checkpoint.keyId(), checkpoint.algorithm(),
                HEX.formatHex(checkpoint.signature()));
        OutboundIntegrationEvent event = OutboundIntegrationEvent.of(Topics.AUDIT, EventTypes.AUDIT_CHECKPOINT.name(),
                checkpoint.service(), data);
        Message<byte[]> message = messages.create(id(checkpoint), checkpoint.signedAt(), event);
        return sender.send(Topics.AUDIT, message);
    }

    /** The CloudEvents id of a checkpoint: {@code <service>:<sequence>}. */
    public static String id(Checkpoint checkpoint) {
        return checkpoint.service() + ":" + checkpoint.sequence();
    }
}
