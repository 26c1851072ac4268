package org.pledge.notification.template.api;

import org.pledge.notification.channel.api.Channel;

/**
 * A template written out with one trigger's values. May hold personal data only if a template names the client (the
 * seeded ones do not): it is never stored in an event or logged.
 *
 * @param language the language it is written in: the one asked for, or the fallback language when the template has no
 *                 variant in it
 * @param version  the template variant's version used
 * @param subject  null for SMS
 */
public record RenderedMessage(String templateId, String language, Channel channel, int version, String subject, String body) {

    @Override
    public String toString() {
        return "RenderedMessage[" + templateId + "/" + language + "/" + channel + " v" + version + "]";
    }
}
