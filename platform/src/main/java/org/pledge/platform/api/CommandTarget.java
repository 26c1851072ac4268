package org.pledge.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component of a command record that names the aggregate the command is for:
 * {@code record AssignCaseCommand(@CommandTarget String caseId, ...)}. The platform's Axon wiring
 * ({@code org.pledge.platform.axon.CommandTargets}) routes the command by it, so that a service's {@code api} carries
 * no framework type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface CommandTarget {
}
