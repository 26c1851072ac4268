package org.pledge.platform.messaging.publish;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;

/** Publishing integration events: active as soon as the service declares an {@link IntegrationEventMapper}. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
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
    public IntegrationEventPublisher integrationEventPublisher(List<IntegrationEventMapper> mappers,
                                                               CloudEventMessageFactory messageFactory,
                                                               StreamBridge streamBridge) {
        return new IntegrationEventPublisher(mappers, messageFactory, streamBridge);
    }
}
