package org.pledge.guarantee.payout.api;

import java.time.Instant;

/** Attempt {@code attempt} ended with {@code problem}; the next one is due at {@code retryAt} (it looks up first). */
public record ProviderRefundRetryScheduledEvent(String refundId, int attempt, String problem, Instant retryAt, Instant at) {
}
