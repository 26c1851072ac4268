package org.pledge.notification.delivery.integration;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.notification.delivery.api.NotificationKinds;
import org.pledge.notification.delivery.api.RequestNotificationCommand;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps inbound {@code pledge.case.v1} events to commands on notification-service's notifications; contract types go
 * no further than this class. So far {@code pledge.case.submitted.v1} → {@link RequestNotificationCommand} of
 * {@link NotificationKinds#CASE_RECEIVED}; other case events are not acted on yet. A redelivered CloudEvent is
 * dropped by the platform ({@code ce_id}); the same submission under another id reaches the same notification,
 * which ignores it.
 */
@Component
class CaseEventCommands {

    private static final Logger log = LoggerFactory.getLogger(CaseEventCommands.class);

    private final CommandGateway commands;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    CaseEventCommands(CommandGateway commands, ObjectMapper objectMapper, Clock clock) {
        this.commands = commands;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    void on(InboundCloudEvent event) {
        if (!EventTypes.CASE_SUBMITTED.name().equals(event.type())) {
            return;
        }
        CaseSubmittedV1 submitted = event.contractData(CaseSubmittedV1.class, objectMapper);
        RequestNotificationCommand command = RequestNotificationCommand.of(NotificationKinds.CASE_RECEIVED, submitted.caseId(),
                submitted.language(), submitted.preferredChannel(), event.id(), clock.instant());
        commands.sendAndWait(event.asCommand(command));
        log.info("case {}: {} notification requested", submitted.caseId(), NotificationKinds.CASE_RECEIVED);
    }
}
