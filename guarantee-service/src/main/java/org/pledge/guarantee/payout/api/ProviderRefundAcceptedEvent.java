package org.pledge.guarantee.payout.api;

import java.time.Instant;

/** The provider has the refund ({@code providerRefundId}) and has not settled it yet. */
public record ProviderRefundAcceptedEvent(String refundId, String providerRefundId, String source, Instant at) {
}
