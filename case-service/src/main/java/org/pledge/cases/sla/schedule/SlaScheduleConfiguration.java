package org.pledge.cases.sla.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pledge.cases.config.PeriodicTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** The durable SLA schedule: the {@code sla-clocks} projection, the sweeper and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaScheduleProperties.class)
class SlaScheduleConfiguration {

    @Bean
    SlaClocks slaClocks(MongoDatabaseFactory databases) {
        SlaClocks clocks = new SlaClocks(databases.getMongoDatabase().getCollection(SlaClocks.COLLECTION));
        clocks.ensureIndexes();
        return clocks;
    }

    @Bean
    SlaClockProjection slaClockProjection(SlaClocks clocks) {
        return new SlaClockProjection(clocks);
    }

    /** A failing clock update is retried by the processor, never logged and skipped. */
    @Bean
    ConfigurerModule slaClocksErrorHandling() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(SlaClockProjection.GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(SlaClockProjection.GROUP, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    SlaSweeper slaSweeper(SlaClocks clocks, CommandGateway commands, Clock clock, SlaScheduleProperties properties) {
        String instanceId = properties.instanceId() == null || properties.instanceId().isBlank()
                ? UUID.randomUUID().toString()
                : properties.instanceId();
        return new SlaSweeper(clocks, commands, clock, instanceId, properties.batchSize(), properties.claimLease());
    }

    /** The first sweep at once: deadlines that fell due while no instance ran fire now. */
    @Bean
    PeriodicTask slaSweepSchedule(SlaSweeper sweeper, SlaScheduleProperties properties) {
        return new PeriodicTask("sla-sweep-" + sweeper.instanceId(), sweeper::sweep, Duration.ZERO, properties.sweepInterval());
    }
}
