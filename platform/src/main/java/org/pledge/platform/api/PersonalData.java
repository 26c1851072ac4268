package org.pledge.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component (or field) that holds personal data, and names its data subject:
 * {@code record Applicant(String reference, @PersonalData(subject = "reference") String name, ...)}: the sibling
 * property {@code reference} of the same object holds the subject's reference (by contract no personal data itself).
 *
 * <p>The platform's Axon serializers (events, snapshots, messages; not the web's {@code ObjectMapper}) store such a
 * value encrypted under a key of its own per data subject ({@code org.pledge.platform.privacy}), and read it back
 * decrypted; once the subject is erased (its key deleted), the value reads as {@link #ERASED}, and data for the subject
 * written afterwards is stored as {@link #ERASED}. A value stored before it was marked (in clear) reads as itself
 * until its subject is erased, then as {@link #ERASED} too.
 *
 * <p>Only {@code String} components may be marked, and the subject must name a {@code String} component of the same
 * type that is not marked itself. Anything else fails, with the type and component named, as soon as the type is first
 * serialized or read by those serializers (at start-up for types a service checks with
 * {@code PersonalDataFields.of(type)}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What an erased value reads as (never a value anyone could have meant). */
    String ERASED = "[erased]";

    /** The name of the sibling component that holds the data subject's reference. */
    String subject();
}
