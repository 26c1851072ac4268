package org.pledge.guarantee.claim.api;

/** A finance user's decision on a claim awaiting approval. */
public enum Decision {
    APPROVE,
    /** Needs a reason. */
    REJECT
}
