package org.pledge.notification.delivery.command;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.pledge.notification.delivery.api.NotificationCommand;
import org.pledge.platform.axon.CommandTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which notification a command targets: {@link NotificationCommand#notificationId()} (commands in {@code api} carry no Axon annotation). */
@Configuration(proxyBeanMethods = false)
public class NotificationTarget {

    /** The bean the aggregate names as its {@code commandTargetResolver}. */
    public static final String BEAN = "notificationTargetResolver";

    public static CommandTargetResolver resolver() {
        return CommandTargets.by(NotificationCommand.class, NotificationCommand::notificationId);
    }

    @Bean(BEAN)
    CommandTargetResolver notificationTargetResolver() {
        return resolver();
    }
}
