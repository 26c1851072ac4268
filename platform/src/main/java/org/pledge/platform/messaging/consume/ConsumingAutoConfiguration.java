package org.pledge.platform.messaging.consume;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.platform.config.PledgeMessagingProperties;
import org.pledge.platform.messaging.publish.PublisherDeadLetterReplay;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Consuming integration events: deduplication store, its purge, the consumer factory, dead-letter replay; the operators'
 * dead-letter endpoints (also for the publisher's parked events, when the service publishes).
 */
@AutoConfiguration(after = {MongoDataAutoConfiguration.class, JacksonAutoConfiguration.class})
@EnableConfigurationProperties(PledgeMessagingProperties.class)
public class ConsumingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public InboundMessageStore inboundMessageStore(MongoDatabaseFactory mongo, Clock clock,
                                                   PledgeMessagingProperties properties) {
        InboundMessageStore store = new InboundMessageStore(mongo.getMongoDatabase().getCollection(InboundMessageStore.COLLECTION),
                clock, properties.inbound().lease());
        store.ensureIndexes();
        return store;
    }

    @Bean
    @ConditionalOnMissingBean
    public InboundMessagePurger inboundMessagePurger(InboundMessageStore store, PledgeMessagingProperties properties) {
        return new InboundMessagePurger(store, properties.inbound().retention(), properties.inbound().purgeInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    public CloudEventConsumers cloudEventConsumers(InboundMessageStore store, ObjectMapper objectMapper) {
        return new CloudEventConsumers(store, objectMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetterReplayService deadLetterReplayService(Environment environment,
                                                           PledgeMessagingProperties properties,
                                                           BeanFactory beanFactory,
                                                           @Value("${spring.application.name}") String applicationName) {
        return new DeadLetterReplayService(KafkaClientSettings.from(environment), properties, beanFactory,
                applicationName);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public DeadLetterController deadLetterController(DeadLetterReplayService service,
                                                     ObjectProvider<PublisherDeadLetterReplay> outbound) {
        return new DeadLetterController(service, outbound);
    }
}
