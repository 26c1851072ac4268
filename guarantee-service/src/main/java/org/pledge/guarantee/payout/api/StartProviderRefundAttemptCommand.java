package org.pledge.guarantee.payout.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Ask to talk to the provider about {@code refundId} now. The aggregate answers with an {@link AttemptPlan} and, when
 * something is to be done, records it first ({@link ProviderRefundAttemptStartedEvent}): the intent is stored before
 * any call, so whoever comes next knows the refund may have reached the provider.
 *
 * @param leaseUntil until when this caller owns the attempt; another start before then is told to wait
 */
public record StartProviderRefundAttemptCommand(@CommandTarget String refundId, Instant at, Instant leaseUntil) {
}
