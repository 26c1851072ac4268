package org.pledge.guarantee.claim.api;

/** Where a claim stands. */
public enum ClaimStatus {
    /** The case's fee is held; its standard has not been missed (or was not guaranteed): nothing is owed. */
    WATCHING,
    /** The guaranteed standard was missed; the refund accrues until the case is resolved. */
    OPEN,
    /** Decided: waits for finance (above the auto-approval limit, or sent to review); one or two approvals. */
    AWAITING_APPROVAL,
    /** Approved to be paid by bank transfer, but the client has not given an account yet. */
    AWAITING_PAYOUT_DETAILS,
    /** Approved and instructed: the payment provider's refund or the bank transfer is under way. */
    PAYING,
    /** The refund was paid (settled by the provider, or by a pain.002 status report). Final; never clawed back. */
    PAID,
    /** The payment failed for good and was returned to finance with the reason: approve again (a new refund) or reject. */
    PAYMENT_FAILED,
    /** Finance rejected the refund, with a reason. Final. */
    REJECTED,
    /** Nothing is owed (excluded, not late after all, no fee). Final. */
    CLOSED
}
