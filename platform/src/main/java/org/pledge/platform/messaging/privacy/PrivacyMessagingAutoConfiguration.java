package org.pledge.platform.messaging.privacy;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.pledge.platform.messaging.consume.ConsumingAutoConfiguration;
import org.pledge.platform.messaging.publish.IntegrationEventMapper;
import org.pledge.platform.messaging.publish.PublishingAutoConfiguration;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.privacy.PrivacyAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/**
 * Erasures between services, in every service: this service's erasures are published on {@code pledge.privacy.v1}
 * through the integration publisher ({@link DataSubjectErasureEvents}: a mapper, so every service publishes), and
 * everyone's are consumed ({@value DataSubjectErasureConsumer#CONSUMER}, bound by {@link PrivacyConsumerBinding}).
 * Before the publishing auto-configuration, which starts the publisher when a mapper exists.
 */
@AutoConfiguration(after = {PrivacyAutoConfiguration.class, ConsumingAutoConfiguration.class},
        before = PublishingAutoConfiguration.class)
@ConditionalOnBean(DataSubjectErasures.class)
public class PrivacyMessagingAutoConfiguration {

    @Bean
    public IntegrationEventMapper dataSubjectErasureEvents() {
        return new DataSubjectErasureEvents();
    }

    @Bean
    @ConditionalOnMissingBean
    public DataSubjectErasureConsumer dataSubjectErasureConsumer(DataSubjectErasures erasures, ObjectMapper objectMapper,
                                                                 @Value("${spring.application.name}") String applicationName) {
        return new DataSubjectErasureConsumer(erasures, objectMapper, applicationName);
    }

    /** The consumer of {@code pledge.privacy.v1}, {@value DataSubjectErasureConsumer#CONSUMER}, in every service. */
    @Bean(name = DataSubjectErasureConsumer.CONSUMER)
    public Consumer<Message<byte[]>> privacyEvents(CloudEventConsumers consumers, DataSubjectErasureConsumer handler) {
        return consumers.deduplicating(DataSubjectErasureConsumer.CONSUMER, handler);
    }
}
