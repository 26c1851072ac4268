package org.pledge.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops library warnings that are known to mean nothing, each listed here with the proof; anything else passes.
 * Installed by {@link KnownHarmlessWarningsInstaller}.
 */
public final class KnownHarmlessWarnings extends TurboFilter {

    /**
     * Spring Cloud Function 4.3.0 (Spring Cloud 2025.0.0) warns "Failed to locate function 'caseEvents' for
     * function definition 'caseEvents'. Returning null." once per consumer bean at start-up: its
     * {@code BeanFactoryAwareFunctionRegistry.lookup} first looks among the functions registered so far (none yet),
     * warns, then finds the bean in the bean factory, registers it and binds it ("Channel '...caseEvents-in-0' has 1
     * subscriber(s)" follows). Upstream lowered it to DEBUG in 4.3.1 (spring-cloud-function#1285, #1291); drop
     * this entry when the Spring Cloud BOM brings that. A consumer bean that really is missing is still reported,
     * by {@code org.springframework.cloud.stream.function.FunctionConfiguration} ("You have defined function
     * definition that does not exist", "The function definition ... is not valid"), another logger.
     */
    static final String FUNCTION_REGISTRY = "org.springframework.cloud.function.context.catalog.BeanFactoryAwareFunctionRegistry";
    static final String FUNCTION_NOT_YET_REGISTERED = "Failed to locate function '";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.WARN && format != null && FUNCTION_REGISTRY.equals(logger.getName())
                && format.startsWith(FUNCTION_NOT_YET_REGISTERED)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
