package org.pledge.notification.template.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;
import org.pledge.platform.api.EventRevision;

/**
 * Version {@code version} of template {@code templateId}'s variant ({@code language}, {@code channel}), written for
 * {@code trigger}: the whole text (normalized: NFC, LF line breaks, no outer blanks). No personal data: a template names
 * values, never a client.
 *
 * @param subject null for SMS
 * @param by      the admin, or {@code configuration} for a seed
 */
@EventRevision("1")
public record TemplateVariantSavedEvent(String templateId, Trigger trigger, String language, Channel channel, int version,
                                        String subject, String body, String by, Instant at) {
}
