package org.pledge.guarantee.payout.api;

import java.time.Instant;

/**
 * The refund will not be paid through the provider: it refused it ({@code PROVIDER_REJECTED:<reason>}) or the
 * attempts were used up ({@code RETRIES_EXHAUSTED:<last problem>}). Final: the claim returns to finance.
 */
public record ProviderRefundFailedEvent(String refundId, String claimId, String providerRefundId, String reason,
                                        Instant failedAt) {
}
