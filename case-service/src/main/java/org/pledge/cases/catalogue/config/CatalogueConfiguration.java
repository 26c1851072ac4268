package org.pledge.cases.catalogue.config;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.catalogue.command.CalendarRecalculation;
import org.pledge.cases.catalogue.command.CalendarRecalculationSweep;
import org.pledge.cases.catalogue.query.MongoCatalogue;
import org.pledge.cases.config.PeriodicTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors in the catalogue projection and the calendar recalculation propagate, so the processor retries the event
 * instead of logging and skipping it (a skipped event would leave the catalogue stale or cases on an old calendar).
 * The recalculation sweep ({@code pledge.catalogue.recalculation.*}) catches the cases the event handler could not see.
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

    @Bean
    CalendarRecalculationSweep calendarRecalculationSweep(CommandGateway commands, MongoCatalogue catalogue, CaseSummaries summaries,
                                                          Clock clock, CatalogueProperties properties) {
        return new CalendarRecalculationSweep(commands, catalogue, summaries, clock, properties.recalculation().batchSize());
    }

    /** The first sweep one interval after start-up (the projections catch up first). */
    @Bean
    PeriodicTask calendarRecalculationSchedule(CalendarRecalculationSweep sweep, CatalogueProperties properties) {
        Duration interval = properties.recalculation().sweepInterval();
        return new PeriodicTask("calendar-sweep", sweep::sweep, interval, interval);
    }
}
