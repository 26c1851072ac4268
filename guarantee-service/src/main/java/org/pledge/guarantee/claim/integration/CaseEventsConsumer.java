package org.pledge.guarantee.claim.integration;

import java.util.function.Consumer;

import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code pledge.case.v1} (see {@code pledge.messaging.consumers.caseEvents} in application.yml). */
@Configuration(proxyBeanMethods = false)
class CaseEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CloudEventConsumers consumers, CaseEventCommands handler) {
        return consumers.deduplicating("caseEvents", handler::on);
    }
}
