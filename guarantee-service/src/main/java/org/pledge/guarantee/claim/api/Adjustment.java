package org.pledge.guarantee.claim.api;

/** What an exceptional circumstance does to the claims it covers. */
public enum Adjustment {
    /** Subtract a number of business days from the lateness counted. */
    SUBTRACT_BUSINESS_DAYS,
    /** Nothing is refunded. */
    EXCLUDE
}
