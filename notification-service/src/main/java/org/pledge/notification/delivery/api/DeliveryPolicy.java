package org.pledge.notification.delivery.api;

import java.time.Duration;

/**
 * How hard a notification is tried ({@code pledge.delivery.*}), handed to the aggregate with each command that needs it.
 *
 * @param maxAttempts    attempts per channel, the first included; then the channel counts as failed for good
 * @param initialBackOff the pause after a channel's first failed attempt; doubled after each further one, at most
 *                       {@code maxBackOff}
 * @param maxBackOff     the longest pause between two attempts
 * @param lease          how long an attempt may run without an outcome before it is taken to have died with the service
 *                       (then the next attempt says the message may have been sent)
 * @param receiptWait    how long a message the provider accepted waits for its delivery receipt
 * @param contactWait    how long a notification waits for its recipient's contact to be recorded before it is abandoned
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackOff, Duration maxBackOff, Duration lease, Duration receiptWait,
                             Duration contactWait) {

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt per channel");
        }
    }

    /** The pause after the {@code attempt}-th (1-based) failed attempt: initial × 2^(attempt−1), at most the maximum. */
    public Duration backOffAfter(int attempt) {
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration pause = initialBackOff.multipliedBy(factor);
        return pause.compareTo(maxBackOff) > 0 ? maxBackOff : pause;
    }
}
