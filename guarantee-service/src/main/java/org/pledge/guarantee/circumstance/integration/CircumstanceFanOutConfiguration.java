package org.pledge.guarantee.circumstance.integration;

import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fan-out's errors propagate: a batch that failed (the database, a command that could not be sent) is rolled back
 * before its token is stored and handled again after a back-off, never skipped (Axon's default would log and go on).
 */
@Configuration(proxyBeanMethods = false)
class CircumstanceFanOutConfiguration {

    @Bean
    ConfigurerModule circumstanceFanOutErrors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(CircumstanceFanOut.GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(CircumstanceFanOut.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
