package org.pledge.platform.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.read-model.*}: how long a write request waits for the read model to show it
 * ({@link SequencedDocuments#awaitSequence}, docs/adr/0007-read-your-writes.md).
 *
 * @param awaitTimeout the longest a command's response waits for its read model; past it the response goes out anyway
 *                     (the write is stored; only the read model lags)
 * @param pollInterval how often the wait re-reads the document, for a read model another instance's processor keeps
 *                     (this instance's own writes wake the wait at once)
 */
@ConfigurationProperties("pledge.read-model")
public record ReadModelProperties(@DefaultValue("2s") Duration awaitTimeout, @DefaultValue("25ms") Duration pollInterval) {

    public ReadModelProperties {
        if (awaitTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pledge.read-model: await-timeout must be 0 or more, poll-interval positive");
        }
    }
}
