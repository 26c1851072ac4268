package org.pledge.platform.web;

import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A typed business or request error with a stable code (e.g. {@code case.invalid-transition}); the web layer turns
 * it into an RFC 9457 problem with that status and a {@code code} property. The message is the problem's
 * {@code detail}: write it for the API client, without personal data or internals.
 */
public abstract class PledgeException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    protected PledgeException(String code, HttpStatus status, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
        this.status = Objects.requireNonNull(status, "status");
    }

    protected PledgeException(String code, HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.status = Objects.requireNonNull(status, "status");
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
