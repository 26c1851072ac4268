package org.pledge.platform.axon;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import java.util.List;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event storage engine, alone in this class on purpose: it is the one piece that will be replaced by
 * {@code org.pledge.platform.eventstore.MongoSequencedEventStorageEngine}.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 ObjectProvider<EventUpcaster> upcasters,
                                                 PledgeAxonProperties properties) {
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .batchSize(properties.eventBatchSize());
        List<EventUpcaster> chain = upcasters.orderedStream().toList();
        if (!chain.isEmpty()) {
            builder.upcasterChain(new EventUpcasterChain(chain));
        }
        return builder.build();
    }
}
