package org.pledge.feedback.feedback.api;

/**
 * Channel feedback under an {@code Idempotency-Key} that was used before by the same channel client for another answer
 * (409 {@code feedback.idempotency-key-reused}). The message holds no answer text.
 */
public class FeedbackConflictException extends RuntimeException {

    public FeedbackConflictException() {
        super("This Idempotency-Key was used before by this channel client for a different answer.");
    }
}
