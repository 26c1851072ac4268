package org.pledge.guarantee.claim.api;

/** Why a claim closed with nothing owed. */
public enum ClosureReason {
    /** The case was withdrawn, and the policy excludes withdrawn cases. */
    WITHDRAWN,
    /** The case's outcome is excluded by the policy (refused for fraud, outcome OTHER). */
    EXCLUDED_OUTCOME,
    /** The lateness counted (after exceptional circumstances) falls in no tier, or the share is 0. */
    NOT_LATE,
    /** An exceptional circumstance excludes the claim. */
    EXCLUDED_BY_CIRCUMSTANCE,
    /** No fee was paid: there is nothing to refund. */
    NO_FEE
}
