package org.pledge.notification.rule.command;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** A rule that breaks a check of {@link NotificationRule}: 422 {@code rule.<check>}. */
public class RuleRefusedException extends PledgeException {

    public RuleRefusedException(String code, String detail) {
        super(code, HttpStatus.UNPROCESSABLE_ENTITY, detail);
    }
}
