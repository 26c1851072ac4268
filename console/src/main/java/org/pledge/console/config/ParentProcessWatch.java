package org.pledge.console.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code pledge.local.parent-pid}: when set (by {@code ./pledge-local} or the system tests, which start the console as
 * a child process), the console shuts down when that process dies, so that no orphan console is left behind. The
 * services have the same in their platform.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("pledge.local.parent-pid")
public class ParentProcessWatch {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatch.class);

    @Bean
    ApplicationListener<ApplicationReadyEvent> exitWithParent(@Value("${pledge.local.parent-pid}") long parentPid) {
        return event -> {
            ConfigurableApplicationContext context = event.getApplicationContext();
            Runnable exit = () -> {
                log.warn("parent process {} is gone; shutting down", parentPid);
                System.exit(SpringApplication.exit(context, () -> 0));
            };
            ProcessHandle.of(parentPid).ifPresentOrElse(parent -> parent.onExit().thenRun(exit), exit);
        };
    }
}
