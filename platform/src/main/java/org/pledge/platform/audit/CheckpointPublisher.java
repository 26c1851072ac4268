package org.pledge.platform.audit;

import java.util.concurrent.CompletableFuture;

import org.pledge.audit.Checkpoint;

/**
 * Hands one checkpoint to the broker as {@code pledge.audit.checkpoint.v1} on {@code pledge.audit.v1}, without
 * waiting; the future completes when the broker acknowledged it. The platform's messaging implements it with the
 * integration-event sender; {@link CheckpointOutbox} calls it. The same checkpoint always makes the same CloudEvents
 * id, so a checkpoint sent twice is de-duplicated by consumers.
 */
@FunctionalInterface
public interface CheckpointPublisher {

    CompletableFuture<?> publish(Checkpoint checkpoint);
}
