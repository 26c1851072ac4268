package org.pledge.guarantee.claim.api;

import java.time.Instant;

import org.pledge.guarantee.policy.api.PayoutMethod;

/**
 * The approved refund {@code refundId} is to be paid now: the one trigger of a payment.
 * <ul>
 * <li>{@link PayoutMethod#ORIGINAL_PAYMENT_METHOD}: the payout feature refunds {@code paymentReference} through the
 *     provider's refund API, with {@code refundId} as the idempotency key; {@code account} is null.</li>
 * <li>{@link PayoutMethod#BANK_TRANSFER}: the transfer feature puts it in the pain.001 batch of {@code at}'s business
 *     date, end-to-end id {@code refundId}, to {@code account}; {@code paymentReference} is null.</li>
 * </ul>
 * Applied right after approval, or, for a transfer, once the account is known.
 */
public record RefundInstructedEvent(String claimId, String caseId, String refundId, Money amount, PayoutMethod method,
                                    String paymentReference, BankAccount account, String serviceType, Instant at) {
}
