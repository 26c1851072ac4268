package org.pledge.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A contract record component that holds personal data of the event's data subject (the component marked
 * {@link DataSubjectField}): a name, a contact point, free text about a person. A nested record marked so holds
 * nothing but personal data; its own components are marked too.
 *
 * <p>The type's JSON Schema says the same with {@code "x-personal-data": true} on the property (checked by
 * {@code PersonalDataMarksTest}). Consumers never log such a field, and a consumer that keeps it erases it when
 * {@code pledge.privacy.data-subject-erased.v1} names the subject. Inside a service, the events that keep it are
 * marked with the platform's {@code @PersonalData} so that they are stored encrypted per subject.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalDataField {
}
