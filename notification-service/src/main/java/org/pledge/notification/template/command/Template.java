package org.pledge.notification.template.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.pledge.notification.template.api.SaveTemplateVariantCommand;
import org.pledge.notification.template.api.TemplateIds;
import org.pledge.notification.template.api.TemplateVariantSavedEvent;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.config.TemplateProperties;
import org.pledge.notification.template.validation.TemplateRefusedException;
import org.pledge.notification.template.validation.TemplateRules;

/**
 * One template (id {@link TemplateIds#aggregateOf}), with all its variants, one per (language, channel), each versioned
 * on its own: a change of a variant's text is its version n+1; the same text again records nothing; a seed never
 * changes an existing variant. A template is written for one {@link Trigger}: its first variant sets it, and a variant
 * for another trigger is refused ({@code template.trigger-mismatch}), which holding the variants in one aggregate makes
 * certain even when two admins save two variants at once. The rules of a variant's text are {@link TemplateRules}'.
 */
@Aggregate
public class Template {

    @AggregateIdentifier
    private String aggregateId;
    private Trigger trigger;
    private final Map<String, Variant> variants = new HashMap<>();

    private record Variant(int version, String subject, String body) {
    }

    /** For Axon. */
    protected Template() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(SaveTemplateVariantCommand command, TemplateProperties properties) {
        if (!Objects.equals(TemplateIds.aggregateOf(command.templateId()), command.aggregateId())) {
            throw new IllegalArgumentException("template aggregate " + command.aggregateId() + " is not template " + command.templateId());
        }
        if (command.channel() == null) {
            throw new TemplateRefusedException("template.channel-unknown", "The channel is EMAIL, SMS or LETTER.");
        }
        Variant current = variants.get(key(command.language(), command.channel().name()));
        if (current != null && command.onlyIfMissing()) {
            return current.version();
        }
        TemplateRules.Text text = TemplateRules.check(command.templateId(), command.trigger(), command.language(), command.channel(),
                command.subject(), command.body(), properties);
        if (trigger != null && trigger != command.trigger()) {
            throw new TemplateRefusedException("template.trigger-mismatch",
                    "Template " + command.templateId() + " is written for " + trigger + ", not " + command.trigger() + ".");
        }
        if (current != null && Objects.equals(current.subject(), text.subject()) && current.body().equals(text.body())) {
            return current.version(); // the same text again: nothing to record
        }
        int version = current == null ? 1 : current.version() + 1;
        apply(new TemplateVariantSavedEvent(command.templateId(), command.trigger(), command.language(), command.channel(), version,
                text.subject(), text.body(), command.by(), command.at()));
        return version;
    }

    @EventSourcingHandler
    void on(TemplateVariantSavedEvent event) {
        aggregateId = TemplateIds.aggregateOf(event.templateId());
        trigger = event.trigger();
        variants.put(key(event.language(), event.channel().name()), new Variant(event.version(), event.subject(), event.body()));
    }

    private static String key(String language, String channel) {
        return language + "/" + channel;
    }
}
