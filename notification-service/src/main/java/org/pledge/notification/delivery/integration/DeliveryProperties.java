package org.pledge.notification.delivery.integration;

import java.time.Duration;

import org.pledge.notification.delivery.api.DeliveryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pledge.delivery.*}: how hard a notification is tried, and how often the persisted schedule is swept.
 *
 * @param maxAttempts    attempts per channel (the first included); then the channel counts as failed for good
 * @param initialBackOff the pause after a channel's first failed attempt, doubled after each further one
 * @param maxBackOff     the longest pause
 * @param lease          how long an attempt may go without an outcome before it is taken over (the service died in it);
 *                       longer than any sender's own time limit and retries
 * @param receiptWait    how long an accepted message (SMS) waits for its delivery receipt before it is looked up
 * @param contactWait    how long a notification waits for its recipient's contact before it is abandoned
 * @param sweepInterval  how often the due attempts are looked for
 * @param sweepBatch     the most notifications one sweep takes up
 * @param workers        the threads that send (outside any unit of work)
 */
@ConfigurationProperties("pledge.delivery")
public record DeliveryProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration initialBackOff,
        @DefaultValue("30m") Duration maxBackOff,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("1h") Duration receiptWait,
        @DefaultValue("1h") Duration contactWait,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("50") int sweepBatch,
        @DefaultValue("4") int workers) {

    public DeliveryPolicy policy() {
        return new DeliveryPolicy(maxAttempts, initialBackOff, maxBackOff, lease, receiptWait, contactWait);
    }
}
