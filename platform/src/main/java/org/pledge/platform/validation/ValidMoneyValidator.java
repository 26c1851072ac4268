package org.pledge.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Checks {@link ValidMoney}; Spring gives it the service's {@link MoneyRules}, plain Bean Validation the defaults. */
public class ValidMoneyValidator implements ConstraintValidator<ValidMoney, MoneyValue> {

    private MoneyRules rules = MoneyRules.withDefaults();

    @Autowired(required = false)
    public void setRules(MoneyRules rules) {
        this.rules = rules;
    }

    @Override
    public boolean isValid(MoneyValue value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return rules.check(value.amount(), value.currency()).map(v -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(v.message()).addPropertyNode(v.field()).addConstraintViolation();
            return false;
        }).orElse(true);
    }
}
