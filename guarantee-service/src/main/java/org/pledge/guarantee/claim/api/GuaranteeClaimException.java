package org.pledge.guarantee.claim.api;

/**
 * A command the claim refuses, with a stable code (the problem type {@code urn:pledge:problem:<code>}); the message
 * carries no personal data. Subclasses per rule, e.g. {@code claim.four-eyes}.
 */
public class GuaranteeClaimException extends RuntimeException {

    private final String code;

    public GuaranteeClaimException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
