package org.pledge.notification.delivery.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.NotificationStatus;
import org.pledge.notification.delivery.api.RequestNotificationCommand;

/**
 * One notification a client is owed, per (case, trigger): its id is {@link NotificationIds#of}, so it is requested,
 * and will be sent, exactly once. So far it is requested and stays {@link NotificationStatus#PENDING}; sending per
 * channel, delivery, failure and fallback build on it (issue 13).
 *
 * <p>Created by the first {@link RequestNotificationCommand} ({@code CREATE_IF_MISSING}); a repeat finds it and
 * changes nothing.
 */
@Aggregate(snapshotTriggerDefinition = "pledgeSnapshotTrigger", cache = "pledgeAggregateCache")
public class Notification {

    @AggregateIdentifier
    private String notificationId;
    private String caseId;
    private NotificationStatus status;

    /** For Axon (event sourcing and {@link CreationPolicy}). */
    protected Notification() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestNotificationCommand command) {
        if (notificationId != null) {
            return; // requested already: once per (case, trigger)
        }
        requireText(command.caseId(), "caseId");
        requireText(command.kind(), "kind");
        if (command.requestedAt() == null) {
            throw new IllegalArgumentException("requestedAt is required");
        }
        if (!NotificationIds.of(command.kind(), command.caseId()).equals(command.notificationId())) {
            throw new IllegalArgumentException("notification " + command.notificationId() + " is not the " + command.kind()
                    + " notification of case " + command.caseId());
        }
        apply(new NotificationRequestedEvent(command.notificationId(), command.caseId(), command.kind(), command.language(),
                command.preferredChannel(), command.triggeredBy(), command.requestedAt()));
    }

    @EventSourcingHandler
    void on(NotificationRequestedEvent event) {
        notificationId = event.notificationId();
        caseId = event.caseId();
        status = NotificationStatus.PENDING;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
