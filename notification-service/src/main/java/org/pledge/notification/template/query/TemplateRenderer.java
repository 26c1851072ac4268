package org.pledge.notification.template.query;

import java.util.Map;

import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.MessageTemplates;
import org.pledge.notification.template.api.RenderedMessage;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.config.TemplateProperties;
import org.springframework.stereotype.Component;

/**
 * {@link MessageTemplates} from {@link Templates}: the variant in the client's language ({@link TemplateProperties#match}:
 * {@code fr-CA} → {@code fr}), else in the fallback language, with each value written by {@link ValueFormatter} for the
 * language it is written in. A value the trigger does not give is ignored; a placeholder without a value is written empty.
 */
@Component
public class TemplateRenderer implements MessageTemplates {

    private final Templates templates;
    private final TemplateProperties properties;
    private final TextWriter writer;

    public TemplateRenderer(Templates templates, TemplateProperties properties) {
        this.templates = templates;
        this.properties = properties;
        this.writer = new TextWriter(properties);
    }

    @Override
    public RenderedMessage render(String templateId, String language, Channel channel, Map<String, String> values) {
        templates.awaitSeeding();
        TemplateDocument template = templates.find(templateId).orElseThrow(() -> new TemplateNotFoundException(templateId, channel));
        String written = properties.match(language).orElse(properties.fallbackLanguage());
        TemplateDocument.VariantDocument variant = template.variant(written, channel).orElse(null);
        if (variant == null) {
            written = properties.fallbackLanguage();
            variant = template.variant(written, channel).orElseThrow(() -> new TemplateNotFoundException(templateId, channel));
        }
        Map<String, String> given = values == null ? Map.of() : values;
        return new RenderedMessage(templateId, written, channel, variant.version(),
                render(template.trigger(), written, variant.subject(), given), render(template.trigger(), written, variant.body(), given));
    }

    /** {@code text} (of a template written for {@code trigger}) with {@code values} written for {@code language}. */
    public String render(Trigger trigger, String language, String text, Map<String, String> values) {
        return writer.write(trigger, language, text, values);
    }
}
