package org.pledge.guarantee.policy.api;

/** A way a case can end that a policy may exclude from any refund. */
public enum Exclusion {
    /** The case was withdrawn (by the client's channel or a caseworker). */
    WITHDRAWN,
    /** The case was refused with the reason code {@code fraud}. */
    REFUSED_FOR_FRAUD,
    /** The case was resolved with the outcome {@code OTHER}. */
    OUTCOME_OTHER
}
