package org.pledge.notification.delivery.integration;

import java.util.function.Consumer;

import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binds the topics whose events clients are told about (see {@code pledge.messaging.consumers.*} in application.yml):
 * {@code pledge.case.v1} (contacts first, then notifications), {@code pledge.guarantee.v1} and {@code pledge.feedback.v1}
 * (notifications). Each de-duplicates by {@code ce_id}; a record that fails its retries is parked on the topic's DLQ
 * and the next one goes on.
 */
@Configuration(proxyBeanMethods = false)
class InboundEventsConsumers {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CloudEventConsumers consumers, CaseEventCommands handler) {
        return consumers.deduplicating("caseEvents", handler::on);
    }

    @Bean
    Consumer<Message<byte[]>> guaranteeEvents(CloudEventConsumers consumers, NotificationRequests notifications) {
        return consumers.deduplicating("guaranteeEvents", notifications::request);
    }

    @Bean
    Consumer<Message<byte[]>> feedbackEvents(CloudEventConsumers consumers, NotificationRequests notifications) {
        return consumers.deduplicating("feedbackEvents", notifications::request);
    }
}
