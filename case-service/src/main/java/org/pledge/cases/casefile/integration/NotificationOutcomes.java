package org.pledge.cases.casefile.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.cases.casefile.api.RecordClientNotificationFailedCommand;
import org.pledge.cases.casefile.api.RecordClientNotifiedCommand;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.notification.NotificationDeliveredV1;
import org.pledge.contracts.notification.NotificationFailedV1;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records in the case's history what notification-service told the client ({@code pledge.notification.delivered.v1}
 * → {@link RecordClientNotifiedCommand}) and what it could not ({@code pledge.notification.failed.v1} →
 * {@link RecordClientNotificationFailedCommand}); other notification events are ignored. Once per notification: the
 * platform drops a redelivered CloudEvent by {@code ce_id}, and the case ignores the same notification's outcome
 * published again under another id. The data is checked against the contract's schema first: a message that breaks it
 * is parked at once. An unknown case fails the message, which retries and then goes to the dead-letter topic for an
 * operator (as a follow-up request for an unknown case does). The applicant reference the events carry is not kept:
 * the case knows its client.
 */
@Component
class NotificationOutcomes {

    private static final Logger log = LoggerFactory.getLogger(NotificationOutcomes.class);

    private final CommandGateway commands;
    private final ObjectMapper objectMapper;

    NotificationOutcomes(CommandGateway commands, ObjectMapper objectMapper) {
        this.commands = commands;
        this.objectMapper = objectMapper;
    }

    void on(InboundCloudEvent event) {
        if (EventTypes.NOTIFICATION_DELIVERED.name().equals(event.type())) {
            NotificationDeliveredV1 d = event.contractData(NotificationDeliveredV1.class, objectMapper);
            commands.sendAndWait(event.asCommand(new RecordClientNotifiedCommand(d.caseId(), d.notificationId(), d.ruleId(),
                    d.templateId(), d.sourceEventType(), d.channel(), d.language(), d.deliveredAt())));
            log.info("case {}: client told by {} (notification {})", d.caseId(), d.channel(), d.notificationId());
        } else if (EventTypes.NOTIFICATION_FAILED.name().equals(event.type())) {
            NotificationFailedV1 f = event.contractData(NotificationFailedV1.class, objectMapper);
            commands.sendAndWait(event.asCommand(new RecordClientNotificationFailedCommand(f.caseId(), f.notificationId(), f.ruleId(),
                    f.templateId(), f.sourceEventType(), f.channel(), f.channelsTried(), f.reason(), f.failedAt())));
            log.info("case {}: client could not be told (notification {}, {})", f.caseId(), f.notificationId(), f.reason());
        }
    }
}
