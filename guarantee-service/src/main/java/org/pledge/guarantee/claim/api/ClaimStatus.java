package org.pledge.guarantee.claim.api;

/**
 * Where a claim stands. So far only {@link #WATCHING}: the fee is held and nothing is owed. Opening on a breach of a
 * guaranteed standard, approval and payout come with the claims themselves (issue 12).
 */
public enum ClaimStatus {
    WATCHING
}
