package org.pledge.feedback.satisfaction.config;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.feedback.satisfaction.command.SatisfactionWatchFeeder;
import org.pledge.feedback.satisfaction.query.AnswerWake;
import org.pledge.feedback.satisfaction.query.SatisfactionAlertProjection;
import org.pledge.feedback.satisfaction.query.SatisfactionAlerts;
import org.pledge.feedback.satisfaction.query.SatisfactionBuckets;
import org.pledge.feedback.satisfaction.query.SatisfactionFigures;
import org.pledge.feedback.satisfaction.query.SatisfactionFiguresProjection;
import org.pledge.platform.axon.StageRecordingEventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The satisfaction feature's wiring: {@link SatisfactionProperties}, the read models, and the two processors that
 * count each answer once by its position in the event stream ({@code satisfaction-figures}, {@code satisfaction-watch}):
 * a sequential policy puts every event in one segment, so each sees the stream in order whatever the segment count,
 * and their errors propagate (the batch is retried, never skipped).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SatisfactionProperties.class)
class SatisfactionConfiguration {

    @Bean
    ConfigurerModule satisfactionProcessing() {
        return configurer -> {
            for (String group : new String[] {SatisfactionFiguresProjection.GROUP, SatisfactionWatchFeeder.GROUP}) {
                configurer.eventProcessing()
                        .registerSequencingPolicy(group, c -> new SequentialPolicy())
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                        .registerErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        };
    }

    /** Answers reach the figures at once, not at the processors' next idle look ({@link AnswerWake}). */
    @Bean
    AnswerWake satisfactionAnswerWake(EventStore eventStore) {
        if (!(eventStore instanceof StageRecordingEventStore store)) {
            throw new IllegalStateException("the platform's StageRecordingEventStore is expected");
        }
        AnswerWake wake = new AnswerWake(store);
        store.registerDispatchInterceptor(wake);
        return wake;
    }

    @Bean
    SatisfactionBuckets satisfactionBuckets(MongoDatabaseFactory databases, SatisfactionProperties properties) {
        return new SatisfactionBuckets(databases.getMongoDatabase(), properties.zone());
    }

    @Bean
    SatisfactionFigures satisfactionFigures(SatisfactionBuckets buckets, Clock clock, SatisfactionProperties properties) {
        return new SatisfactionFigures(buckets, clock, properties.topPainPoints());
    }

    @Bean
    SatisfactionFiguresProjection satisfactionFiguresProjection(SatisfactionBuckets buckets, Clock clock) {
        return new SatisfactionFiguresProjection(buckets, clock);
    }

    @Bean
    SatisfactionAlerts satisfactionAlerts(MongoDatabaseFactory databases) {
        return new SatisfactionAlerts(databases.getMongoDatabase());
    }

    @Bean
    SatisfactionAlertProjection satisfactionAlertProjection(SatisfactionAlerts alerts) {
        return new SatisfactionAlertProjection(alerts);
    }

    @Bean
    SatisfactionWatchFeeder satisfactionWatchFeeder(CommandGateway commands, SatisfactionProperties properties) {
        return new SatisfactionWatchFeeder(commands, properties::ruleFor);
    }
}
