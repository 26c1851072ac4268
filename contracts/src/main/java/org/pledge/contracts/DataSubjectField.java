package org.pledge.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The contract record component that names the data subject (the person) the event's personal data belongs to: an
 * opaque reference, by contract no personal data itself (for cases: the applicant's reference from the channel). It is
 * what {@code DELETE /api/data-subjects/{subjectRef}} and {@code pledge.privacy.data-subject-erased.v1} take.
 *
 * <p>The type's JSON Schema says the same with {@code "x-data-subject": true} on the property (checked by
 * {@code PersonalDataMarksTest}). A type with {@link PersonalDataField}s has exactly one such component.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DataSubjectField {
}
