package org.pledge.cases.casefile.integration;

import java.util.function.Consumer;

import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binds {@code pledge.feedback.v1} (see {@code pledge.messaging.consumers.feedbackEvents} in application.yml). */
@Configuration(proxyBeanMethods = false)
class FeedbackEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> feedbackEvents(CloudEventConsumers consumers, FollowUpRequests handler) {
        return consumers.deduplicating("feedbackEvents", handler::on);
    }
}
