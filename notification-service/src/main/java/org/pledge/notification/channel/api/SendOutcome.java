package org.pledge.notification.channel.api;

import java.time.Instant;

/**
 * What one send on one channel came to, after the sender's own retries within its provider's limits. Reasons are short
 * codes (e.g. {@code smtp-550}, {@code http-429}, {@code timeout}, {@code circuit-open}, {@code invalid-number}), never
 * personal data.
 */
public sealed interface SendOutcome {

    /** Handed over for good, and no receipt will follow: the SMTP server took it (250), the letter is in the print outbox. */
    record Delivered(String providerId, Instant at) implements SendOutcome {
    }

    /** The provider took it; its delivery receipt ({@link DeliveryReceipt}) will say whether it arrived (SMS). */
    record Accepted(String providerId, Instant at) implements SendOutcome {
    }

    /** Not sent, and worth trying again later on the same channel (time-outs, 429, 5xx, an open circuit). */
    record TemporaryFailure(String reason) implements SendOutcome {
    }

    /** Not sent, and never will be on this channel (an invalid address or number, a refusal): fall back at once. */
    record PermanentFailure(String reason) implements SendOutcome {
    }
}
