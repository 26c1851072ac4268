package org.pledge.feedback.feedback.api;

/**
 * An answer that breaks a rule; {@code code} is the problem code ({@code feedback.<rule>}, e.g.
 * {@code feedback.rating-out-of-range}, {@code feedback.unknown-pain-point}, {@code feedback.comment-too-long}) and
 * {@code field} the field at fault, for a form to show next to it. The message holds no answer text.
 */
public class InvalidFeedbackException extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidFeedbackException(String code, String field, String detail) {
        super(detail);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
