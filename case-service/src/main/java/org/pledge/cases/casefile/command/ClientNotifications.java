package org.pledge.cases.casefile.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.pledge.cases.casefile.command.CaseCommandRules.require;
import static org.pledge.cases.casefile.command.CaseCommandRules.requireText;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.pledge.cases.casefile.api.ClientNotificationFailedEvent;
import org.pledge.cases.casefile.api.ClientNotifiedEvent;
import org.pledge.cases.casefile.api.RecordClientNotificationFailedCommand;
import org.pledge.cases.casefile.api.RecordClientNotifiedCommand;

/**
 * What a case's client was told, as a part of the {@link CaseAggregate} (its {@code @AggregateMember}): the rule for
 * recording notification-service's outcomes lives here, apart from the case's lifecycle. Each notification's delivery
 * ({@link ClientNotifiedEvent}) and failure ({@link ClientNotificationFailedEvent}) is recorded once, whatever the
 * case's state (a client is told about a resolution after the case closed) and whatever the order (each outcome is a
 * fact of its own: a failure recorded and then a late delivery of the same notification both show). A repeat (the
 * same notification's outcome republished under another CloudEvent id) records nothing. These events do not touch the
 * case's clock, status or last change, so a late or early notification never makes another command out of order.
 *
 * <p>Keeps only notification ids, no personal data (nor so in snapshots).
 */
class ClientNotifications {

    private Set<String> delivered = new HashSet<>();
    private Set<String> failed = new HashSet<>();

    @CommandHandler
    void handle(RecordClientNotifiedCommand command) {
        requireText(command.notificationId(), "notificationId");
        requireText(command.channel(), "channel");
        require(command.deliveredAt() != null, "deliveredAt");
        if (delivered.contains(command.notificationId())) {
            return; // recorded already
        }
        apply(new ClientNotifiedEvent(command.caseId(), command.notificationId(), command.ruleId(), command.templateId(),
                command.sourceEventType(), command.channel(), command.language(), command.deliveredAt()));
    }

    @CommandHandler
    void handle(RecordClientNotificationFailedCommand command) {
        requireText(command.notificationId(), "notificationId");
        require(command.failedAt() != null, "failedAt");
        if (failed.contains(command.notificationId())) {
            return; // recorded already
        }
        apply(new ClientNotificationFailedEvent(command.caseId(), command.notificationId(), command.ruleId(), command.templateId(),
                command.sourceEventType(), command.channel(),
                command.channelsTried() == null ? List.of() : List.copyOf(command.channelsTried()), command.reason(),
                command.failedAt()));
    }

    @EventSourcingHandler
    void on(ClientNotifiedEvent event) {
        delivered.add(event.notificationId());
    }

    @EventSourcingHandler
    void on(ClientNotificationFailedEvent event) {
        failed.add(event.notificationId());
    }
}
