package org.pledge.notification.rule.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.notification.rule.api.NotificationRuleSavedEvent;
import org.pledge.notification.rule.api.RuleContent;
import org.pledge.notification.rule.api.RuleIds;
import org.pledge.notification.rule.api.SaveNotificationRuleCommand;
import org.pledge.notification.template.api.TemplateCatalog;
import org.pledge.notification.template.api.TemplateCatalog.TemplateOutline;

/**
 * One notification rule (id {@link RuleIds#aggregateOf}), versioned: every change is a {@link NotificationRuleSavedEvent}
 * with the whole content and the next version; the same content again records nothing; a seed never changes an existing
 * rule. A rule is saved (or seeded) only when (each refusal a {@link RuleRefusedException}):
 * <ul>
 *   <li>its id is valid ({@code rule.id-invalid}) and it names a trigger ({@code rule.trigger-required});</li>
 *   <li>every condition is on a value its trigger gives ({@code rule.condition-unknown}) and compares with a non-blank
 *       value ({@code rule.condition-invalid});</li>
 *   <li>its template exists ({@code rule.template-unknown}), is written for the same trigger ({@code rule.trigger-mismatch})
 *       and exists in every configured language for every channel ({@code rule.missing-translation}).</li>
 * </ul>
 * Disabling a rule checks the same: a disabled rule can be enabled again without a surprise.
 */
@Aggregate
public class NotificationRule {

    @AggregateIdentifier
    private String aggregateId;
    private int version;
    private RuleContent content;

    /** For Axon. */
    protected NotificationRule() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(SaveNotificationRuleCommand command, TemplateCatalog templates) {
        if (!RuleIds.isValid(command.ruleId())) {
            throw new RuleRefusedException("rule.id-invalid", "A rule id is 1 to 64 lower-case letters, digits and hyphens.");
        }
        if (!Objects.equals(RuleIds.aggregateOf(command.ruleId()), command.aggregateId())) {
            throw new IllegalArgumentException("rule aggregate " + command.aggregateId() + " is not rule " + command.ruleId());
        }
        if (content != null && command.onlyIfMissing()) {
            return version;
        }
        check(command.content(), templates);
        if (command.content().equals(content)) {
            return version; // the same content again: nothing to record
        }
        apply(new NotificationRuleSavedEvent(command.ruleId(), version + 1, command.content(), command.by(), command.at()));
        return version;
    }

    static void check(RuleContent rule, TemplateCatalog templates) {
        if (rule == null || rule.trigger() == null) {
            throw new RuleRefusedException("rule.trigger-required", "A rule names the trigger it is for.");
        }
        for (Map.Entry<String, String> condition : rule.conditions().entrySet()) {
            if (!rule.trigger().placeholderNames().contains(condition.getKey())) {
                throw new RuleRefusedException("rule.condition-unknown", rule.trigger() + " gives no value " + condition.getKey() + ".");
            }
            if (condition.getValue() == null || condition.getValue().isBlank()) {
                throw new RuleRefusedException("rule.condition-invalid", "The condition on " + condition.getKey() + " has no value.");
            }
        }
        TemplateOutline template = rule.templateId() == null ? null : templates.outline(rule.templateId()).orElse(null);
        if (template == null) {
            throw new RuleRefusedException("rule.template-unknown", "There is no template with this id.");
        }
        if (template.trigger() != rule.trigger()) {
            throw new RuleRefusedException("rule.trigger-mismatch",
                    "Template " + template.templateId() + " is written for " + template.trigger() + ", not " + rule.trigger() + ".");
        }
        if (!template.missing().isEmpty()) {
            throw new RuleRefusedException("rule.missing-translation",
                    "Template " + template.templateId() + " lacks " + String.join(", ", template.missing()) + ".");
        }
    }

    @EventSourcingHandler
    void on(NotificationRuleSavedEvent event) {
        aggregateId = RuleIds.aggregateOf(event.ruleId());
        version = event.version();
        content = event.content();
    }
}
