package org.pledge.guarantee.claim.integration;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.claim.query.GuaranteedCases;
import org.pledge.platform.messaging.consume.CloudEventConsumers;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Maps inbound {@code pledge.case.v1} events to guarantee-service's records. */
@Configuration(proxyBeanMethods = false)
class CaseEventsHandler {

    @Bean
    Consumer<Message<byte[]>> caseEvents(CloudEventConsumers consumers, GuaranteedCases cases, ObjectMapper objectMapper) {
        return consumers.deduplicating("caseEvents", event -> on(event, cases, objectMapper));
    }

    static void on(InboundCloudEvent event, GuaranteedCases cases, ObjectMapper objectMapper) {
        if (!EventTypes.CASE_SUBMITTED.name().equals(event.type())) {
            return;
        }
        CaseSubmittedV1 submitted = event.contractData(CaseSubmittedV1.class, objectMapper);
        cases.record(new GuaranteedCases.GuaranteedCase(submitted.caseId(), submitted.serviceType(),
                submitted.fee() == null ? null : new Money(submitted.fee().amount(), submitted.fee().currency())));
    }
}
