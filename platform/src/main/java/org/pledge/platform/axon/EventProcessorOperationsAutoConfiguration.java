package org.pledge.platform.axon;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The operators' view of the event processors and their replay ({@code /ops/processors}). */
@AutoConfiguration(after = {AxonAutoConfiguration.class, AxonMongoAutoConfiguration.class})
public class EventProcessorOperationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public EventProcessorOperations eventProcessorOperations(EventProcessingConfiguration processing, TokenStore tokenStore,
                                                             @Value("${pledge.axon.processor-shutdown-timeout:30s}") Duration shutdownTimeout) {
        return new EventProcessorOperations(processing, tokenStore, shutdownTimeout);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public EventProcessorController eventProcessorController(EventProcessorOperations operations) {
        return new EventProcessorController(operations);
    }
}
