package org.pledge.notification.template.query;

import java.util.HashMap;
import java.util.Map;

import org.pledge.notification.template.api.Placeholder;
import org.pledge.notification.template.api.PlaceholderType;
import org.pledge.notification.template.api.TemplateSyntax;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.config.TemplateProperties;

/**
 * Writes a template text out: each {@code {{name}}} replaced by the trigger's value of that name, formatted for the
 * language by {@link ValueFormatter} (empty when the value is absent or the trigger gives no such value).
 */
public final class TextWriter {

    private final ValueFormatter formatter;

    public TextWriter(TemplateProperties properties) {
        this.formatter = new ValueFormatter(properties, new CodeWording(properties));
    }

    /** {@code text} (of a template written for {@code trigger}) with {@code values} written for {@code language}; null stays null. */
    public String write(Trigger trigger, String language, String text, Map<String, String> values) {
        Map<String, PlaceholderType> types = new HashMap<>();
        for (Placeholder placeholder : trigger.placeholders()) {
            types.put(placeholder.name(), placeholder.type());
        }
        return TemplateSyntax.substitute(text, name -> {
            PlaceholderType type = types.get(name);
            return type == null ? "" : formatter.format(language, name, type, values.get(name));
        });
    }
}
