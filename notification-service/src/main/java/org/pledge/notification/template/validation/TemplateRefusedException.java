package org.pledge.notification.template.validation;

import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** A template variant that breaks a rule of {@link TemplateRules}: 422 {@code template.<rule>}. */
public class TemplateRefusedException extends PledgeException {

    public TemplateRefusedException(String code, String detail) {
        super(code, HttpStatus.UNPROCESSABLE_ENTITY, detail);
    }
}
