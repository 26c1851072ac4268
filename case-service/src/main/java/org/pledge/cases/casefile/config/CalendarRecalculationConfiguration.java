package org.pledge.cases.casefile.config;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pledge.cases.casefile.command.CalendarRecalculation;
import org.pledge.cases.casefile.command.CalendarRecalculationSweep;
import org.pledge.cases.casefile.query.CaseSummaries;
import org.pledge.cases.catalogue.api.CalendarVersions;
import org.pledge.cases.config.PeriodicTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Open cases move onto the newest version of their calendar: errors in the recalculation propagate, so the processor
 * retries the event instead of logging and skipping it (a skipped event would leave cases on an old calendar), and the
 * sweep ({@code pledge.catalogue.recalculation.*}) catches the cases the event handler could not see.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarRecalculationProperties.class)
class CalendarRecalculationConfiguration {

    @Bean
    ConfigurerModule calendarRecalculationErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(CalendarRecalculation.GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(CalendarRecalculation.GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    CalendarRecalculationSweep calendarRecalculationSweep(CommandGateway commands, CalendarVersions calendars, CaseSummaries summaries,
                                                          Clock clock, CalendarRecalculationProperties properties) {
        return new CalendarRecalculationSweep(commands, calendars, summaries, clock, properties.batchSize());
    }

    /** The first sweep one interval after start-up (the projections catch up first). */
    @Bean
    PeriodicTask calendarRecalculationSchedule(CalendarRecalculationSweep sweep, CalendarRecalculationProperties properties) {
        Duration interval = properties.sweepInterval();
        return new PeriodicTask("calendar-sweep", sweep::sweep, interval, interval);
    }
}
