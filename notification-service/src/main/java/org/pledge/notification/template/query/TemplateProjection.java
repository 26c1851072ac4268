package org.pledge.notification.template.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.notification.template.api.TemplateVariantSavedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link Templates} in step with the templates' events; idempotent by sequence number, so there is no reset
 * handler: a replay converges over the stored documents, which stay readable meanwhile.
 */
@Component
@ProcessingGroup(TemplateProjection.GROUP)
class TemplateProjection {

    static final String GROUP = "message-templates";

    private final Templates templates;

    TemplateProjection(Templates templates) {
        this.templates = templates;
    }

    @EventHandler
    void on(TemplateVariantSavedEvent event, @SequenceNumber long sequence) {
        templates.record(event, sequence);
    }
}
