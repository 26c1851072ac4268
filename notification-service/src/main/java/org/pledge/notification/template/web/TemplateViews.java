package org.pledge.notification.template.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pledge.notification.template.api.Placeholder;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.query.TemplateDocument;

/** What the template endpoints answer. */
final class TemplateViews {

    private TemplateViews() {
    }

    @Schema(name = "MessageTemplate", description = "A template: the trigger it is written for, the values it may name, its variants")
    record TemplateSummary(String templateId, @Schema(description = "The trigger (integration event) it is written for") String trigger,
                           List<PlaceholderView> placeholders, List<VariantSummary> variants) {

        static TemplateSummary of(TemplateDocument document) {
            return new TemplateSummary(document.templateId(), document.trigger().name(), TemplateViews.placeholders(document.trigger()),
                    document.variants().stream().map(v -> new VariantSummary(v.language(), v.channel().name(), v.version(),
                            v.changedBy(), v.changedAt())).toList());
        }
    }

    @Schema(name = "TemplatePlaceholder", description = "A value a trigger gives its templates, written {{name}}")
    record PlaceholderView(String name, @Schema(allowableValues = {"TEXT", "DATE", "MONEY", "CODE"}) String type, String description) {
    }

    @Schema(name = "TemplateVariantSummary")
    record VariantSummary(String language, @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String channel, int version,
                          @Schema(description = "The admin who set this version, or `configuration` for a seed") String changedBy,
                          Instant changedAt) {
    }

    @Schema(name = "TemplateVariant", description = "The current version of one variant (language, channel) of a template")
    record VariantView(String templateId, String trigger, String language,
                       @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String channel,
                       @Schema(description = "The variant's version: 1, then one more per change of its text") int version,
                       @Schema(description = "Null for SMS") String subject, String body, List<PlaceholderView> placeholders,
                       @Schema(description = "The admin who set this version, or `configuration` for a seed") String changedBy,
                       Instant changedAt) {

        static VariantView of(TemplateDocument template, TemplateDocument.VariantDocument v) {
            return new VariantView(template.templateId(), template.trigger().name(), v.language(), v.channel().name(), v.version(),
                    v.subject(), v.body(), TemplateViews.placeholders(template.trigger()), v.changedBy(), v.changedAt());
        }
    }

    @Schema(name = "TemplatePreview", description = "A variant written out with sample or given values")
    record PreviewView(String templateId, String language, @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String channel,
                       @Schema(description = "The saved variant's version; null for a proposed text") Integer version,
                       @Schema(description = "Null for SMS") String subject, String body,
                       @Schema(description = "The raw values used, given or sampled, by placeholder") Map<String, String> values) {
    }

    static List<PlaceholderView> placeholders(Trigger trigger) {
        return trigger.placeholders().stream().map(TemplateViews::view).toList();
    }

    private static PlaceholderView view(Placeholder p) {
        return new PlaceholderView(p.name(), p.type().name(), p.description());
    }
}
