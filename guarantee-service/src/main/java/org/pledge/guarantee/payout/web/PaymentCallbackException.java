package org.pledge.guarantee.payout.web;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** A provider callback refused: {@code payment.<rule>}. The detail names no value the provider sent. */
class PaymentCallbackException extends PledgeException {

    PaymentCallbackException(String rule, HttpStatus status, String detail) {
        super("payment." + rule, status, detail);
    }
}
