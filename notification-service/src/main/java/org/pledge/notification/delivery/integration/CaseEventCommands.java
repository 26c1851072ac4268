package org.pledge.notification.delivery.integration;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.contracts.EventTypes;
import org.pledge.contracts.cases.CaseSubmittedV1;
import org.pledge.notification.contact.api.RecordContactCommand;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.springframework.stereotype.Component;

/**
 * Maps inbound {@code pledge.case.v1} events to commands on notification-service's aggregates; contract types go no
 * further than this package (the one consumer of the topic, for every feature: two bindings in one consumer group
 * would share its partitions). {@code pledge.case.submitted.v1} first records how to reach the applicant
 * ({@link RecordContactCommand}, when the case names one), so that its notifications find the contact; then every case
 * event of a trigger requests its notifications ({@link NotificationRequests}). A redelivered CloudEvent is dropped by
 * the platform ({@code ce_id}); the same event again finds its contact and notifications recorded, which ignore it.
 */
@Component
class CaseEventCommands {

    private final CommandGateway commands;
    private final NotificationRequests notifications;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    CaseEventCommands(CommandGateway commands, NotificationRequests notifications, ObjectMapper objectMapper, Clock clock) {
        this.commands = commands;
        this.notifications = notifications;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    void on(InboundCloudEvent event) {
        if (EventTypes.CASE_SUBMITTED.name().equals(event.type())) {
            recordContact(event);
        }
        notifications.request(event);
    }

    private void recordContact(InboundCloudEvent event) {
        CaseSubmittedV1 submitted = event.contractData(CaseSubmittedV1.class, objectMapper);
        if (submitted.applicantReference() == null || submitted.applicantReference().isBlank()) {
            return;
        }
        CaseSubmittedV1.Applicant applicant = submitted.applicant();
        commands.sendAndWait(event.asCommand(RecordContactCommand.of(submitted.applicantReference(), submitted.caseId(),
                applicant == null ? null : applicant.name(), applicant == null ? null : applicant.email(),
                applicant == null ? null : applicant.phone(), applicant == null ? null : applicant.postalAddress(),
                submitted.language(), submitted.preferredChannel(), submitted.submittedAt(), event.id(), clock.instant())));
    }
}
