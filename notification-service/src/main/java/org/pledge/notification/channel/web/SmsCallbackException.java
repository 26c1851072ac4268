package org.pledge.notification.channel.web;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** An SMS receipt refused: {@code sms.<rule>}. The detail names no value the provider sent. */
class SmsCallbackException extends PledgeException {

    SmsCallbackException(String rule, HttpStatus status, String detail) {
        super("sms." + rule, status, detail);
    }
}
