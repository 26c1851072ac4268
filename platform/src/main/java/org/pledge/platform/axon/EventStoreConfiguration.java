package org.pledge.platform.axon;

import java.time.Clock;
import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.pledge.platform.eventstore.MongoSequencedEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The event storage engine, alone in this class on purpose: the one place that decides how every service
 * stores its events. It is {@link MongoSequencedEventStorageEngine}: a dense global sequence per event,
 * gap-aware tracking tokens and exact-value look-ups (docs/adr/0004-sequenced-mongo-event-store.md), in the
 * collections {@code events} and {@code snapshots} of the service's database.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /**
     * Axon's embedded event store over the engine below (what Axon's auto-configuration would build), noting staged
     * events in the unit of work for {@link CachedRejectionGuard} ({@link StageRecordingEventStore}).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventBus.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         PledgeAxonProperties properties) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
        return StageRecordingEventStore.eventStore(builder, properties.processorWakeInterval());
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public EventStorageEngine eventStorageEngine(MongoDatabaseFactory databases,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 ObjectProvider<EventUpcaster> upcasters,
                                                 PledgeAxonProperties properties,
                                                 Clock clock) {
        MongoSequencedEventStorageEngine.Builder builder = MongoSequencedEventStorageEngine.builder()
                .mongoDatabase(databases.getMongoDatabase())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .batchSize(properties.eventBatchSize())
                .gapTimeout(properties.gapTimeout())
                .pollInterval(properties.trackingPollInterval())
                .clock(clock);
        List<EventUpcaster> chain = upcasters.orderedStream().toList();
        if (!chain.isEmpty()) {
            builder.upcasterChain(new EventUpcasterChain(chain));
        }
        return builder.build();
    }
}
