package org.pledge.guarantee.payout.api;

import java.time.Instant;

/** The provider paid the refund: final. */
public record ProviderRefundSettledEvent(String refundId, String claimId, String providerRefundId, String source,
                                         Instant settledAt) {
}
