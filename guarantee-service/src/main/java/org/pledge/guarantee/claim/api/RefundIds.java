package org.pledge.guarantee.claim.api;

/**
 * Refund identifiers: {@code R} + the claim id's 32 hex digits + a two-digit issue number (01 for the first refund
 * of a claim, 02 after a failed payment was approved again ...): 35 characters, the most an ISO 20022 end-to-end id
 * holds. The refund id is the idempotency key of the payment, towards the provider and in pain.001.
 */
public final class RefundIds {

    public static final int MAX_ISSUE = 99;

    private RefundIds() {
    }

    public static String of(String claimId, int issue) {
        if (issue < 1 || issue > MAX_ISSUE) {
            throw new IllegalArgumentException("issue 1.." + MAX_ISSUE);
        }
        String hex = claimId.replace("-", "");
        if (hex.length() != 32) {
            throw new IllegalArgumentException("a claim id is a UUID");
        }
        return "R" + hex + String.format("%02d", issue);
    }
}
