package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pledge.platform.audit.CheckpointPublisher;
import org.pledge.platform.config.PledgeMessagingProperties;
import org.pledge.platform.messaging.publish.PublisherDeadLetter.State;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;

/**
 * Publishing integration events: active as soon as the service declares an {@link IntegrationEventMapper}. The sender
 * and the audit checkpoints' publisher are there for every service.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, MongoDataAutoConfiguration.class})
@EnableConfigurationProperties(PledgeMessagingProperties.class)
public class PublishingAutoConfiguration {

    /** The gauge of parked events, tagged {@code state} = {@code failed} or {@code waiting}. */
    public static final String DEAD_LETTERS_GAUGE = "pledge.publisher.dead.letters";

    @Bean
    @ConditionalOnMissingBean
    public CloudEventMessageFactory cloudEventMessageFactory(ObjectMapper objectMapper,
                                                             @Value("${spring.application.name}") String applicationName) {
        return new CloudEventMessageFactory(objectMapper, applicationName);
    }

    /**
     * The sender of every service, also of one that maps no integration events: the audit checkpoints of every service
     * go through it ({@link KafkaCheckpointPublisher}).
     */
    @Bean
    @ConditionalOnMissingBean
    public StreamBridgeIntegrationEventSender integrationEventSender(StreamBridge streamBridge,
                                                                     BindingServiceProperties bindings,
                                                                     Environment environment) {
        return new StreamBridgeIntegrationEventSender(streamBridge, bindings, environment);
    }

    /**
     * Picked up by the Kafka binder for every producer binding it creates: hands each record's send future back to
     * the {@link StreamBridgeIntegrationEventSender}. The binder takes at most one such bean.
     */
    @Bean
    @ConditionalOnBean(StreamBridgeIntegrationEventSender.class)
    @ConditionalOnMissingBean(ProducerMessageHandlerCustomizer.class)
    public ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> integrationEventSendFutures(
            StreamBridgeIntegrationEventSender sender) {
        return sender.handlerCustomizer();
    }

    /** The audit chain's checkpoints on {@code pledge.audit.v1} (unless {@code pledge.audit.enabled=false}). */
    @Bean
    @ConditionalOnProperty(name = "pledge.audit.enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnMissingBean(CheckpointPublisher.class)
    public KafkaCheckpointPublisher auditCheckpointPublisher(IntegrationEventSender sender,
                                                             CloudEventMessageFactory messageFactory) {
        return new KafkaCheckpointPublisher(sender, messageFactory);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    @ConditionalOnMissingBean
    public PublisherDeadLetters publisherDeadLetters(MongoDatabaseFactory mongo) {
        PublisherDeadLetters letters = new PublisherDeadLetters(mongo.getMongoDatabase());
        letters.ensureIndexes();
        return letters;
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    @ConditionalOnMissingBean
    public IntegrationEventPublisher integrationEventPublisher(List<IntegrationEventMapper> mappers,
                                                               CloudEventMessageFactory messageFactory,
                                                               IntegrationEventSender sender,
                                                               PublisherDeadLetters letters,
                                                               PledgeMessagingProperties properties,
                                                               Clock clock) {
        return new IntegrationEventPublisher(mappers, messageFactory, sender, letters,
                new IntegrationEventPublisher.Settings(properties.publishTimeout(),
                        properties.publisher().maxAttempts(), properties.publisher().parkedKeysRefreshInterval()),
                clock);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    @ConditionalOnMissingBean
    public PublisherDeadLetterReplay publisherDeadLetterReplay(PublisherDeadLetters letters,
                                                               IntegrationEventPublisher publisher,
                                                               ObjectProvider<EventStore> eventStore,
                                                               PledgeMessagingProperties properties,
                                                               Clock clock) {
        return new PublisherDeadLetterReplay(letters, publisher, eventStore::getObject, clock,
                properties.deadLetters().maxRecords());
    }

    /** Parked events by state, counted in MongoDB when scraped; never a reason for health to go DOWN. */
    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    public MeterBinder publisherDeadLetterGauges(PublisherDeadLetters letters) {
        return registry -> {
            for (State state : State.values()) {
                Gauge.builder(DEAD_LETTERS_GAUGE, letters, l -> l.count(state))
                        .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                        .description("Integration events the publisher parked (publisher_dead_letters)")
                        .register(registry);
            }
        };
    }
}
