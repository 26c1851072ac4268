package org.pledge.notification.template.api;

import java.util.List;
import java.util.Optional;

/** What templates exist, for the rules that send them; the template feature implements it from its read model. */
public interface TemplateCatalog {

    /** Template {@code templateId}'s trigger and the variants it lacks, or empty when it has none. */
    Optional<TemplateOutline> outline(String templateId);

    /**
     * A template as a rule needs to know it.
     *
     * @param missing the variants a rule needs and the template lacks, as {@code <language>/<CHANNEL>}: every configured
     *                language ({@code pledge.notifications.languages}) for every channel; empty when complete
     */
    record TemplateOutline(String templateId, Trigger trigger, List<String> missing) {
    }
}
