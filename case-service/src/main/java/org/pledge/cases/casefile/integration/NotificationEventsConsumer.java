package org.pledge.cases.casefile.integration;

import java.util.function.Consumer;

import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code pledge.notification.v1} (see {@code pledge.messaging.consumers.notificationEvents} in application.yml). */
@Configuration(proxyBeanMethods = false)
class NotificationEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> notificationEvents(CloudEventConsumers consumers, NotificationOutcomes handler) {
        return consumers.deduplicating("notificationEvents", handler::on);
    }
}
