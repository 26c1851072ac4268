package org.pledge.cases.casefile.config;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pledge.cases.casefile.command.MarkerSweeper;
import org.pledge.cases.casefile.query.MarkerScheduleProjection;
import org.pledge.cases.casefile.query.MarkerSchedules;
import org.pledge.cases.config.PeriodicTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The durable schedule of the at-risk and breach markers: the {@code sla-clocks} projection (its processing group and
 * collection keep their names: they hold tokens and data), the sweeper and its schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarkerScheduleProperties.class)
class MarkerScheduleConfiguration {

    @Bean
    MarkerSchedules markerSchedules(MongoDatabaseFactory databases) {
        MarkerSchedules clocks = new MarkerSchedules(databases.getMongoDatabase().getCollection(MarkerSchedules.COLLECTION));
        clocks.ensureIndexes();
        return clocks;
    }

    @Bean
    MarkerScheduleProjection markerScheduleProjection(MarkerSchedules clocks) {
        return new MarkerScheduleProjection(clocks);
    }

    /** A failing schedule update is retried by the processor, never logged and skipped. */
    @Bean
    ConfigurerModule markerScheduleErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(MarkerScheduleProjection.GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(MarkerScheduleProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    MarkerSweeper markerSweeper(MarkerSchedules clocks, CommandGateway commands, Clock clock, MarkerScheduleProperties properties) {
        String instanceId = properties.instanceId() == null || properties.instanceId().isBlank()
                ? UUID.randomUUID().toString()
                : properties.instanceId();
        return new MarkerSweeper(clocks, commands, clock, instanceId, properties.batchSize(), properties.claimLease());
    }

    /** The first sweep at once: deadlines that fell due while no instance ran fire now. */
    @Bean
    PeriodicTask markerSweepSchedule(MarkerSweeper sweeper, MarkerScheduleProperties properties) {
        return new PeriodicTask("sla-sweep-" + sweeper.instanceId(), sweeper::sweep, Duration.ZERO, properties.sweepInterval());
    }
}
