package org.pledge.platform.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Adds {@link KnownHarmlessWarnings} to Logback right after Spring Boot has set logging up (which resets Logback),
 * before any bean exists. Once per logger context; nothing when Logback is not the logging backend.
 */
public class KnownHarmlessWarningsInstaller implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        install();
    }

    static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        synchronized (context) {
            if (context.getTurboFilterList().stream().noneMatch(KnownHarmlessWarnings.class::isInstance)) {
                KnownHarmlessWarnings filter = new KnownHarmlessWarnings();
                filter.setName("pledge-known-harmless-warnings");
                filter.start();
                context.addTurboFilter(filter);
            }
        }
    }
}
