package org.pledge.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * On a request type that is a {@link MoneyValue}: the amount and currency meet {@link MoneyRules} (with the
 * service's {@code pledge.money.max-amount}). A violation names the field, e.g. {@code feePaid.amount}.
 */
@Documented
@Constraint(validatedBy = ValidMoneyValidator.class)
@Target({ElementType.TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidMoney {

    String message() default "must be a valid amount of money";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
