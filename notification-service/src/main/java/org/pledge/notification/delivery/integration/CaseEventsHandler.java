package org.pledge.notification.delivery.integration;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.notification.delivery.query.NotificationRequest;
import org.pledge.notification.delivery.query.NotificationRequests;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps inbound {@code pledge.case.v1} events to what notification-service owes clients. Foreign types
 * go no further than this class.
 */
@Component
public class CaseEventsHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsHandler.class);
    static final String CASE_RECEIVED = "CASE_RECEIVED";

    private final NotificationRequests requests;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public CaseEventsHandler(NotificationRequests requests, ObjectMapper objectMapper, Clock clock) {
        this.requests = requests;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public void on(InboundCloudEvent event) {
        if (!EventTypes.CASE_SUBMITTED.name().equals(event.type())) {
            return; // other case events are not acted on yet
        }
        CaseSubmittedV1 submitted = event.contractData(CaseSubmittedV1.class, objectMapper);
        boolean recorded = requests.recordOnce(new NotificationRequest(
                CASE_RECEIVED + ":" + submitted.caseId(), submitted.caseId(), CASE_RECEIVED,
                submitted.language(), submitted.preferredChannel(), "PENDING", event.id(), clock.instant()));
        log.info("case {}: {} notification {}", submitted.caseId(), CASE_RECEIVED, recorded ? "recorded" : "already recorded");
    }
}
