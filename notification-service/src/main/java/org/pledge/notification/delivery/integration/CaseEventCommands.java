package org.pledge.notification.delivery.integration;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.notification.contact.api.RecordContactCommand;
import org.pledge.notification.delivery.api.NotificationKinds;
import org.pledge.notification.delivery.api.RequestNotificationCommand;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Maps inbound {@code pledge.case.v1} events to commands on notification-service's aggregates; contract types go
 * no further than this class (the one consumer of the topic, for every feature: two bindings in one consumer group
 * would share its partitions). So far {@code pledge.case.submitted.v1} → {@link RecordContactCommand} (how to reach
 * the applicant, when the case names one) and {@link RequestNotificationCommand} of
 * {@link NotificationKinds#CASE_RECEIVED}; other case events are not acted on yet. A redelivered CloudEvent is dropped
 * by the platform ({@code ce_id}); the same submission under another id reaches the same contact and notification,
 * which ignore it. The contact comes first, so that a notification never waits for its contact.
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
        if (submitted.applicantReference() != null && !submitted.applicantReference().isBlank()) {
            CaseSubmittedV1.Applicant applicant = submitted.applicant();
            commands.sendAndWait(event.asCommand(RecordContactCommand.of(submitted.applicantReference(), submitted.caseId(),
                    applicant == null ? null : applicant.name(), applicant == null ? null : applicant.email(),
                    applicant == null ? null : applicant.phone(), applicant == null ? null : applicant.postalAddress(),
                    submitted.language(), submitted.preferredChannel(), submitted.submittedAt(), event.id(), clock.instant())));
        }
        RequestNotificationCommand command = RequestNotificationCommand.of(NotificationKinds.CASE_RECEIVED, submitted.caseId(),
                submitted.language(), submitted.preferredChannel(), event.id(), clock.instant());
        commands.sendAndWait(event.asCommand(command));
        log.info("case {}: {} notification requested", submitted.caseId(), NotificationKinds.CASE_RECEIVED);
    }
}
