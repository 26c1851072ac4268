package org.pledge.platform.messaging.publish;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.platform.config.PledgeMessagingProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;

/** Publishing integration events: active as soon as the service declares an {@link IntegrationEventMapper}. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@EnableConfigurationProperties(PledgeMessagingProperties.class)
public class PublishingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public CloudEventMessageFactory cloudEventMessageFactory(ObjectMapper objectMapper,
                                                             @Value("${spring.application.name}") String applicationName) {
        return new CloudEventMessageFactory(objectMapper, applicationName);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
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

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    @ConditionalOnMissingBean
    public IntegrationEventPublisher integrationEventPublisher(List<IntegrationEventMapper> mappers,
                                                               CloudEventMessageFactory messageFactory,
                                                               IntegrationEventSender sender,
                                                               PledgeMessagingProperties properties,
                                                               Clock clock) {
        return new IntegrationEventPublisher(mappers, messageFactory, sender, properties.publishTimeout(), clock);
    }
}
