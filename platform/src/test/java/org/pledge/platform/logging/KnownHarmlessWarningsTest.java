package org.pledge.platform.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHarmlessWarningsTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

    @AfterEach
    void detach() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(seen);
    }

    @Test
    void filter_dropsOnlyTheFunctionRegistrysPrematureWarning_andIsInstalledOnce() {
        KnownHarmlessWarningsInstaller.install();
        KnownHarmlessWarningsInstaller.install();
        seen.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);

        // as Spring Cloud Function logs them: commons-logging (spring-jcl) over SLF4J
        var registry = LogFactory.getLog(KnownHarmlessWarnings.FUNCTION_REGISTRY);
        registry.warn("Failed to locate function 'caseEvents' for function definition 'caseEvents'. Returning null.");
        registry.warn("Multiple functional beans were found [a, b], thus can't determine default function definition.");
        LogFactory.getLog("org.springframework.cloud.stream.function.FunctionConfiguration")
                .warn("You have defined function definition that does not exist: caseEvents");

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Multiple functional beans were found [a, b], thus can't determine default function definition.",
                "You have defined function definition that does not exist: caseEvents");
        assertThat(context.getTurboFilterList()).filteredOn(KnownHarmlessWarnings.class::isInstance).hasSize(1);
    }
}
