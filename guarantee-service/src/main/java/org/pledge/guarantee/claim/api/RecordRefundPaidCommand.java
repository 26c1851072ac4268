package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * The refund {@code refundId} was paid: the provider settled it (callback or status look-up), or a pain.002 accepted
 * it. A repeat, or one for another refund of the claim, changes nothing.
 *
 * @param paymentId the provider's payment id, or the pain.002's message id for a transfer
 */
public record RecordRefundPaidCommand(@CommandTarget String claimId, String refundId, String paymentId, Instant paidAt) {
}
