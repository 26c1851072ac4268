package org.pledge.feedback.survey.api;

/** Where a survey invitation stands. Expiry is not a status: an invitation is expired once its {@code expiresAt} passed. */
public enum InvitationStatus {
    /** The case is known and open: the client is invited when it ends. */
    AWAITING_CASE_END,
    /** The client was invited: the link works until it expires or is answered. */
    INVITED,
    /** The invitation was answered: its link is used up. */
    ANSWERED,
    /** Never to be invited (case withdrawn, client erased). */
    CANCELLED
}
