package org.pledge.feedback.survey.api;

/** A survey link's token that authorises nothing. The message never holds the token (it is a credential). */
public class SurveyTokenException extends RuntimeException {

    /** Why; each is its own problem code ({@code survey.token-invalid}, {@code survey.token-expired}, {@code survey.token-used}). */
    public enum Reason {
        /** Malformed, forged (bad signature), for an unknown invitation, or for another case than its invitation's: 404. */
        INVALID,
        /** Past its expiry: 410. */
        EXPIRED,
        /** The invitation was answered already: 409. */
        USED
    }

    private final Reason reason;

    public SurveyTokenException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
