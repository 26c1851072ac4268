package org.pledge.feedback.satisfaction.web;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** A query parameter of the satisfaction API the service cannot answer: 400 {@code satisfaction.<rule>}. */
class SatisfactionQueryException extends PledgeException {

    static final String UNKNOWN_WINDOW = "satisfaction.unknown-window";
    static final String UNKNOWN_CHANNEL = "satisfaction.unknown-channel";
    static final String INVALID_SERVICE_TYPE = "satisfaction.invalid-service-type";

    SatisfactionQueryException(String code, String detail) {
        super(code, HttpStatus.BAD_REQUEST, detail);
    }
}
