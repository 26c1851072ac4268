package org.pledge.guarantee.payout.api;

import java.time.Instant;

/**
 * An attempt to talk to the provider about a refund began (recorded before the call): until its outcome is recorded,
 * the refund may or may not have reached the provider.
 *
 * @param action what the attempt does: send, look up then send, or poll the status (a poll is not counted as an attempt)
 */
public record ProviderRefundAttemptStartedEvent(String refundId, int attempt, AttemptPlan.Action action, Instant at,
                                                Instant leaseUntil) {
}
