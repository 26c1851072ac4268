package org.pledge.notification.delivery.integration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pledge.notification.delivery.api.NotificationIds;
import org.pledge.notification.delivery.api.RequestNotificationCommand;
import org.pledge.notification.delivery.api.SealedValues;
import org.pledge.notification.rule.api.ActiveRule;
import org.pledge.notification.rule.api.NotificationRules;
import org.pledge.notification.template.api.Trigger;
import org.pledge.platform.messaging.consume.InboundCloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an inbound event of a {@link Trigger} into its notifications: its values ({@link TriggerValues}), the rules that
 * match them now ({@link NotificationRules#matching}), and one {@link RequestNotificationCommand} per rule for the
 * event's applicant (id from the CloudEvent id, the rule and the recipient: a redelivered event requests nothing new).
 * An event of no trigger, or without an applicant, requests nothing.
 */
@Component
class NotificationRequests {

    private static final Logger log = LoggerFactory.getLogger(NotificationRequests.class);

    private final CommandGateway commands;
    private final NotificationRules rules;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationRequests(CommandGateway commands, NotificationRules rules, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    /** The notifications {@code event} causes, requested; the number requested (or found requested already). */
    int request(InboundCloudEvent event) {
        Optional<Trigger> trigger = Trigger.ofEventType(event.type());
        if (trigger.isEmpty()) {
            return 0;
        }
        TriggerValues.Triggered triggered = TriggerValues.of(trigger.get(), event, json);
        if (triggered.recipientRef() == null || triggered.recipientRef().isBlank()) {
            log.info("{} of case {} names no applicant: nobody to tell", event.type(), triggered.caseId());
            return 0;
        }
        List<ActiveRule> matching = rules.matching(trigger.get(), triggered.values());
        for (ActiveRule rule : matching) {
            String id = NotificationIds.of(event.id(), rule.ruleId(), triggered.recipientRef());
            commands.sendAndWait(event.asCommand(new RequestNotificationCommand(id, triggered.caseId(), triggered.recipientRef(),
                    trigger.get().name(), rule.ruleId(), rule.version(), rule.templateId(), event.id(), event.type(),
                    triggered.eventLanguage(), triggered.values(), SealedValues.write(triggered.sealed()), clock.instant())));
        }
        log.info("{} of case {}: {} notification(s) requested", event.type(), triggered.caseId(), matching.size());
        return matching.size();
    }
}
