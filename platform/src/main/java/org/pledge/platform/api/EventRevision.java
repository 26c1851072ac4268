package org.pledge.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of a stored event's payload, stored beside it and read back by upcasters:
 * {@code @EventRevision("2") record CaseSubmittedEvent(...)}. Raise it whenever the payload's shape changes, and add an
 * upcaster from the older revisions. The platform's serializer reads it ({@code org.pledge.platform.axon.EventRevisions}),
 * so that a service's {@code api} carries no framework type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {

    String value();
}
