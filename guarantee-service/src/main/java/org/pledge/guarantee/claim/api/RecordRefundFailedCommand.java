package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The refund {@code refundId} failed for good (retries used up, the provider refused it, or a pain.002 rejected it):
 * the claim returns to finance with the reason. A repeat, or one for another refund of the claim, changes nothing.
 *
 * @param reason a code or short text from the provider or the status report, never personal data
 */
public record RecordRefundFailedCommand(@CommandTarget String claimId, String refundId, String reason, Instant failedAt) {
}
