package org.pledge.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An {@link Instant} (or a {@link java.time.LocalDate}) within {@link InstantRules}' range; null is valid. */
@Documented
@Constraint(validatedBy = {SaneInstant.ForInstant.class, SaneInstant.ForLocalDate.class})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneInstant {

    String message() default InstantRules.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class ForInstant implements ConstraintValidator<SaneInstant, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || InstantRules.isSane(value);
        }
    }

    class ForLocalDate implements ConstraintValidator<SaneInstant, java.time.LocalDate> {
        @Override
        public boolean isValid(java.time.LocalDate value, ConstraintValidatorContext context) {
            return value == null || value.getYear() >= InstantRules.EARLIEST_YEAR && value.getYear() <= InstantRules.LATEST_YEAR;
        }
    }
}
