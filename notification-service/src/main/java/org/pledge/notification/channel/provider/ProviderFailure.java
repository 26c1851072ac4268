package org.pledge.notification.channel.provider;

import java.time.Duration;

/**
 * A call to a provider that gave no usable answer, classified. The reason is a short code ({@code smtp-550},
 * {@code http-429}, {@code timeout}, {@code connection}), never personal data: it reaches logs and the notification's
 * history. No stack trace is kept (the cause may name an address).
 */
public final class ProviderFailure extends RuntimeException {

    /** What the failure says about the message and about trying again. */
    public enum Kind {
        /** The provider did not take the message and may well take it later: retried (5xx, 429, SMTP 4xx, refused connection). */
        TRANSIENT,
        /** No answer: the provider may have taken the message (a time-out, a connection lost mid-call). */
        UNCERTAIN,
        /** The provider refused the message for good (an invalid number or address, SMTP 5xx, HTTP 4xx). */
        PERMANENT,
        /** Our own rate limiter gave no permit in time: nothing reached the provider. */
        THROTTLED
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    private ProviderFailure(Kind kind, String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static ProviderFailure transientFailure(String reason) {
        return new ProviderFailure(Kind.TRANSIENT, reason, null);
    }

    /** A transient failure with the provider's {@code Retry-After} (null when it gave none). */
    public static ProviderFailure transientFailure(String reason, Duration retryAfter) {
        return new ProviderFailure(Kind.TRANSIENT, reason, retryAfter);
    }

    public static ProviderFailure uncertain(String reason) {
        return new ProviderFailure(Kind.UNCERTAIN, reason, null);
    }

    public static ProviderFailure permanent(String reason) {
        return new ProviderFailure(Kind.PERMANENT, reason, null);
    }

    public static ProviderFailure throttled() {
        return new ProviderFailure(Kind.THROTTLED, "rate-limited", null);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }

    /** How long the provider asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
