package org.pledge.guarantee.policy.api;

/**
 * Policy terms that break a rule ({@link PolicyRules}), with a stable code (problem type
 * {@code urn:pledge:problem:<code>}).
 */
public class InvalidPolicyException extends RuntimeException {

    private final String code;

    public InvalidPolicyException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
