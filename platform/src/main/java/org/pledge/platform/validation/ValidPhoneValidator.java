package org.pledge.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Checks {@link ValidPhone}; Spring gives it the service's {@link PhoneNumbers}, plain Bean Validation the defaults. */
public class ValidPhoneValidator implements ConstraintValidator<ValidPhone, PhoneHolder> {

    private PhoneNumbers phoneNumbers = PhoneNumbers.withDefaults();

    @Autowired(required = false)
    public void setPhoneNumbers(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    @Override
    public boolean isValid(PhoneHolder value, ConstraintValidatorContext context) {
        if (value == null || value.phone() == null || phoneNumbers.toE164(value.phone(), value.language()).isPresent()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("phone").addConstraintViolation();
        return false;
    }
}
