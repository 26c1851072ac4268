package org.pledge.platform.audit;

import java.time.Instant;

import org.pledge.audit.Checkpoint;

/**
 * A checkpoint as {@code audit_checkpoints} keeps it: the signed checkpoint, and whether the outbox has published it
 * (on {@code pledge.audit.v1}) and when.
 */
public record StoredCheckpoint(Checkpoint checkpoint, boolean published, Instant publishedAt) {

    public long sequence() {
        return checkpoint.sequence();
    }
}
