package org.pledge.platform.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@code pledge.local.parent-pid}: when set (by the local stack launcher), the service shuts down when that process
 * dies, so a local run never leaves orphan services behind.
 */
@AutoConfiguration
@ConditionalOnProperty("pledge.local.parent-pid")
public class ParentProcessWatcher {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatcher.class);

    @Bean
    public ApplicationListener<ApplicationReadyEvent> exitWithParent(@Value("${pledge.local.parent-pid}") long parentPid) {
        return event -> {
            ConfigurableApplicationContext context = event.getApplicationContext();
            watch(parentPid, () -> {
                log.warn("parent process {} is gone; shutting down", parentPid);
                System.exit(SpringApplication.exit(context, () -> 0));
            });
        };
    }

    /** Runs {@code onExit} once the process {@code pid} has ended (at once if it is already gone). */
    public static void watch(long pid, Runnable onExit) {
        ProcessHandle.of(pid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(onExit),
                onExit);
    }
}
