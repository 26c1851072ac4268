package org.pledge.guarantee.payout.api;

import java.time.Instant;

import org.pledge.guarantee.claim.api.Money;

/** A refund to pay through the provider was recorded; nothing was sent yet. */
public record ProviderRefundRequestedEvent(String refundId, String claimId, String caseId, Money amount,
                                           String paymentReference, Instant requestedAt) {
}
