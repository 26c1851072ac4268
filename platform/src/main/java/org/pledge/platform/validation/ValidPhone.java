package org.pledge.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * On a {@link PhoneHolder}: its phone, when present, is a valid phone number ({@link PhoneNumbers}: read in the
 * region of the language tag, else the default region). A violation names the field {@code phone}.
 */
@Documented
@Constraint(validatedBy = ValidPhoneValidator.class)
@Target({ElementType.TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPhone {

    String message() default PhoneNumbers.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
