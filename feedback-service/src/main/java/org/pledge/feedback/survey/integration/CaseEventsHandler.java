package org.pledge.feedback.survey.integration;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.feedback.survey.query.TrackedCases;
import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Maps inbound {@code pledge.case.v1} events to feedback-service's own records. */
@Configuration(proxyBeanMethods = false)
class CaseEventsHandler {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CloudEventConsumers consumers, TrackedCases cases, ObjectMapper objectMapper) {
        return consumers.deduplicating("caseEvents", event -> on(event, cases, objectMapper));
    }

    static void on(InboundCloudEvent event, TrackedCases cases, ObjectMapper objectMapper) {
        if (!EventTypes.CASE_SUBMITTED.name().equals(event.type())) {
            return;
        }
        CaseSubmittedV1 submitted = event.contractData(CaseSubmittedV1.class, objectMapper);
        cases.track(submitted.caseId(), submitted.serviceType(), submitted.channel(), submitted.language(), submitted.submittedAt());
    }
}
