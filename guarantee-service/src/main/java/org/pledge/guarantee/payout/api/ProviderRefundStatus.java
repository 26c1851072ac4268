package org.pledge.guarantee.payout.api;

/** A refund's status at the provider. */
public enum ProviderRefundStatus {
    /** Accepted, not settled yet. */
    PENDING,
    /** Paid. */
    SETTLED,
    /** Refused for good. */
    REJECTED
}
