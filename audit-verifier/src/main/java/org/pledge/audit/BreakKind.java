package org.pledge.audit;

/**
 * How the chain breaks at the first sequence where it does. See {@link ChainVerifier} for how a break is classified.
 */
public enum BreakKind {
    /** The record at this sequence is not the one the chain holds (content edited, or a record replaced). */
    CHANGED,
    /** No record at this sequence (deleted). */
    MISSING,
    /** A record was inserted here: the record at the next sequence, computed here, is the one the chain holds. */
    INSERTED,
    /** This record and the next were swapped: each, computed at the other's sequence, matches the chain. */
    REORDERED,
    /** A record is present but its stored link is not. */
    LINK_MISSING,
    /** A validly signed checkpoint at this sequence names another link than the recomputed one. */
    CHECKPOINT_MISMATCH,
    /** The checkpoint at this sequence does not verify with the given key (signature, key id or algorithm). */
    CHECKPOINT_SIGNATURE
}
