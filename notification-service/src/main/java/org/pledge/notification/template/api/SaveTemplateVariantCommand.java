package org.pledge.notification.template.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;
import org.pledge.platform.api.CommandTarget;

/**
 * Sets the variant ({@code language}, {@code channel}) of template {@code templateId}, written for {@code trigger}:
 * version n+1 of that variant when the text differs from version n, nothing when it is the same; returns the variant's
 * version afterwards. A seed ({@code onlyIfMissing}) creates version 1 and never changes an existing variant.
 *
 * @param aggregateId {@link TemplateIds#aggregateOf}{@code (templateId)}
 * @param language    one of the configured languages, lower case (e.g. {@code fr})
 * @param subject     required for EMAIL and LETTER, absent (null or blank) for SMS
 * @param by          the admin (the token's subject), or {@code configuration} for a seed
 */
public record SaveTemplateVariantCommand(@CommandTarget String aggregateId, String templateId, Trigger trigger, String language,
                                         Channel channel, String subject, String body, boolean onlyIfMissing, String by, Instant at) {

    public static SaveTemplateVariantCommand of(String templateId, Trigger trigger, String language, Channel channel, String subject,
                                                String body, boolean onlyIfMissing, String by, Instant at) {
        return new SaveTemplateVariantCommand(TemplateIds.aggregateOf(templateId), templateId, trigger, language, channel, subject, body,
                onlyIfMissing, by, at);
    }
}
