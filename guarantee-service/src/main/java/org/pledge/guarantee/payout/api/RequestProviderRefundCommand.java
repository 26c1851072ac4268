package org.pledge.guarantee.payout.api;

import java.time.Instant;

import org.pledge.guarantee.claim.api.Money;
import org.pledge.platform.api.CommandTarget;

/**
 * Pay {@code refundId} back to {@code paymentReference} through the provider. Creates the {@code ProviderRefund}
 * (its id is the refund id); a repeat (the instruction delivered again) changes nothing.
 */
public record RequestProviderRefundCommand(@CommandTarget String refundId, String claimId, String caseId, Money amount,
                                           String paymentReference, Instant requestedAt) {
}
