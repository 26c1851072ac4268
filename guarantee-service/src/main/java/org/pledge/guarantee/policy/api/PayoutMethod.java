package org.pledge.guarantee.policy.api;

/** How a refund reaches the client. */
public enum PayoutMethod {
    /** Back to the payment the fee was paid with, through the payment provider's refund API (needs the case's payment reference). */
    ORIGINAL_PAYMENT_METHOD,
    /** A credit transfer to an account the client gave through a channel, in the daily ISO 20022 pain.001 batch. */
    BANK_TRANSFER
}
