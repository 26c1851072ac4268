package org.pledge.notification.rule.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.notification.rule.api.NotificationRuleSavedEvent;
import org.springframework.stereotype.Component;

/** Keeps {@link Rules} in step with the rules' events; idempotent by sequence number, so there is no reset handler. */
@Component
@ProcessingGroup(RuleProjection.GROUP)
class RuleProjection {

    static final String GROUP = "notification-rules";

    private final Rules rules;

    RuleProjection(Rules rules) {
        this.rules = rules;
    }

    @EventHandler
    void on(NotificationRuleSavedEvent event, @SequenceNumber long sequence) {
        rules.record(event, sequence);
    }
}
