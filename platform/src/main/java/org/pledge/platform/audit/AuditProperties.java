package org.pledge.platform.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.audit.*}: the hash chain over the service's event store, its signed checkpoints and the audit API
 * ({@code docs/audit.md}).
 *
 * @param enabled            whether the chain is kept, checkpoints signed and published, and the audit API served
 * @param checkpointEvery    a checkpoint is signed at every sequence this many past the previous checkpoint
 * @param checkpointInterval and at the chain's head when it moved and the previous checkpoint is this old (the
 *                           injected clock)
 * @param signingKey         the service's audit key: an unencrypted PKCS#8 PEM private key (Ed25519 or EC P-256);
 *                           from the environment or a secret, never from a committed file
 * @param signingKeyFile     or the path of a file holding that PEM
 * @param devKey             without a configured key: generate one the first time and keep it in the service's
 *                           database ({@code audit_keys}), with a WARN line at every start. For tests and the local
 *                           stack only: whoever can write the database can then sign checkpoints
 * @param maxRange           the most sequences one verification or export request may cover ({@code to - from + 1}),
 *                           and the longest path an event's proof walks to its checkpoint
 * @param outboxInterval     how often the checkpoint outbox sends what is not yet published, and the time-based
 *                           checkpoint is considered
 */
@ConfigurationProperties("pledge.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1000") long checkpointEvery,
        @DefaultValue("60s") Duration checkpointInterval,
        String signingKey,
        String signingKeyFile,
        @DefaultValue("false") boolean devKey,
        @DefaultValue("100000") long maxRange,
        @DefaultValue("1s") Duration outboxInterval) {

    public AuditProperties {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("pledge.audit.checkpoint-every must be at least 1");
        }
        if (checkpointInterval == null || checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("pledge.audit.checkpoint-interval must be positive");
        }
        if (maxRange < 1) {
            throw new IllegalArgumentException("pledge.audit.max-range must be at least 1");
        }
        if (outboxInterval == null || outboxInterval.isNegative() || outboxInterval.isZero()) {
            throw new IllegalArgumentException("pledge.audit.outbox-interval must be positive");
        }
    }

    /** What a log line or error may show: never the key. */
    @Override
    public String toString() {
        return "AuditProperties[enabled=" + enabled + ", checkpointEvery=" + checkpointEvery + ", checkpointInterval="
                + checkpointInterval + ", signingKey=" + (signingKey == null ? "unset" : "(set)") + ", signingKeyFile="
                + signingKeyFile + ", devKey=" + devKey + ", maxRange=" + maxRange + ", outboxInterval="
                + outboxInterval + "]";
    }
}
