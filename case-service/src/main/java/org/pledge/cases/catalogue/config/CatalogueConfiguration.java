package org.pledge.cases.catalogue.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors in the catalogue projection propagate, so the processor retries the event instead of logging and skipping it
 * (a skipped event would leave the catalogue stale).
 */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    static final String PROJECTION_GROUP = "catalogue";

    @Bean
    ConfigurerModule catalogueErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROJECTION_GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(PROJECTION_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
