package org.pledge.cases.catalogue.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pledge.cases.catalogue.command.CalendarRecalculation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors in the catalogue projection and the calendar recalculation propagate, so the processor retries the event
 * instead of logging and skipping it (a skipped event would leave the catalogue stale or cases on an old calendar).
 */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    static final String PROJECTION_GROUP = "catalogue";

    @Bean
    ConfigurerModule catalogueErrorHandling() {
        return configurer -> {
            for (String group : new String[] {PROJECTION_GROUP, CalendarRecalculation.GROUP}) {
                configurer.eventProcessing()
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                        .registerErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        };
    }
}
