package org.pledge.guarantee.payout.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * An attempt ended without an answer worth recording (time-outs, 5xx, resets, the circuit open): the attempt
 * {@code attempt} is over. The aggregate schedules the next one at {@code retryAt}, or, when {@code attempt} was the
 * last allowed, fails the refund.
 *
 * @param problem a short code of what went wrong, never personal data
 */
public record RecordProviderRefundProblemCommand(@CommandTarget String refundId, int attempt, String problem,
                                                 Instant retryAt, int maxAttempts, Instant at) {
}
