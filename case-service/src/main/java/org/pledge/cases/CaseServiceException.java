package org.pledge.cases;

import java.util.Objects;

/**
 * A business rejection in case-service: carries a stable, machine-readable error code (e.g.
 * {@code case.invalid-transition}) that the web layer turns into an RFC 9457 problem response.
 * Codes are part of the API: never rename one, add a new one.
 */
public abstract class CaseServiceException extends RuntimeException {

    private final String errorCode;

    protected CaseServiceException(String errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** The stable error code. */
    public String errorCode() {
        return errorCode;
    }

    /** Bean-style accessor for the error code (handy for matchers and mappers). */
    public String getErrorCode() {
        return errorCode;
    }
}
