package org.pledge.notification.template.api;

import java.util.Map;

import org.pledge.notification.channel.api.Channel;

/** Writes out messages from the current templates; the template feature implements it. */
public interface MessageTemplates {

    /**
     * Template {@code templateId}'s current variant for {@code channel} in {@code language} (a BCP 47 tag; {@code fr-CA}
     * matches {@code fr}), or in the configured fallback language when it has none in that language, with {@code values}
     * (raw, named by the template's {@link Trigger}) formatted for the language written in.
     *
     * @throws TemplateNotFoundException when neither variant exists
     */
    RenderedMessage render(String templateId, String language, Channel channel, Map<String, String> values);

    /** No variant of a template for a channel, in the language asked for nor in the fallback language. */
    class TemplateNotFoundException extends RuntimeException {
        public TemplateNotFoundException(String templateId, Channel channel) {
            super("template " + templateId + " has no " + channel + " variant in the language asked for nor the fallback language");
        }
    }
}
