package org.pledge.platform.audit;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** A range or sequence the audit API cannot answer for: a 400 problem that says why (numbers only). */
public class AuditRangeException extends PledgeException {

    /** The range is inverted, starts below 1, or ends beyond the chain. */
    public static final String INVALID = "audit.invalid-range";
    /** The range covers more than {@code pledge.audit.max-range} sequences. */
    public static final String TOO_LARGE = "audit.range-too-large";

    AuditRangeException(String code, String detail) {
        super(code, HttpStatus.BAD_REQUEST, detail);
    }
}
