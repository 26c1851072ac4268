package org.pledge.notification.template.validation;

import java.util.LinkedHashSet;
import java.util.Set;

import org.pledge.notification.channel.api.Channel;
import org.pledge.notification.template.api.TemplateIds;
import org.pledge.notification.template.api.TemplateSyntax;
import org.pledge.notification.template.api.Trigger;
import org.pledge.notification.template.config.TemplateProperties;
import org.pledge.platform.validation.TextRules;

/**
 * What a template variant must be to be saved (each broken rule a {@link TemplateRefusedException} with its code):
 * <ul>
 *   <li>{@code template.id-invalid}: the id is lower-case letters, digits and hyphens;</li>
 *   <li>{@code template.trigger-required}; {@code template.language-unsupported}: one of {@code pledge.notifications.languages};</li>
 *   <li>{@code template.body-empty}; {@code template.subject-required} for EMAIL and LETTER;
 *       {@code template.subject-not-allowed} for SMS; {@code template.sms-too-long}: an SMS body of at most
 *       {@value #SMS_MAX} characters as written (so it stays within two or three text messages once rendered);</li>
 *   <li>{@code template.placeholder-malformed}: a {@code {{} or {@code }}} outside a {@code {{name}}};</li>
 *   <li>{@code template.placeholder-unknown}: a placeholder the trigger does not give;</li>
 *   <li>{@code template.text-invalid}: a subject of more than one line or a text with control characters.</li>
 * </ul>
 */
public final class TemplateRules {

    public static final int SMS_MAX = 300;
    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 10_000;

    private TemplateRules() {
    }

    /** A variant's text, normalized (NFC, LF line breaks, no outer blanks; a blank SMS subject is none). */
    public record Text(String subject, String body) {
    }

    /** Checks a variant and returns its normalized text. */
    public static Text check(String templateId, Trigger trigger, String language, Channel channel, String subject, String body,
                             TemplateProperties properties) {
        if (!TemplateIds.isValid(templateId)) {
            throw new TemplateRefusedException("template.id-invalid", "A template id is 1 to 64 lower-case letters, digits and hyphens.");
        }
        if (trigger == null) {
            throw new TemplateRefusedException("template.trigger-required", "A template names the trigger it is written for.");
        }
        if (channel == null) {
            throw new TemplateRefusedException("template.channel-unknown", "The channel is EMAIL, SMS or LETTER.");
        }
        if (language == null || !properties.supports(language)) {
            throw new TemplateRefusedException("template.language-unsupported",
                    "Templates are written in " + String.join(", ", properties.languages()) + " only.");
        }
        String normalizedBody = body == null ? "" : TextRules.multiLine(body);
        String normalizedSubject = subject == null || subject.isBlank() ? null : TextRules.singleLine(subject);
        if (normalizedBody.isEmpty()) {
            throw new TemplateRefusedException("template.body-empty", "The body is empty.");
        }
        if (!TextRules.isMultiLine(normalizedBody, BODY_MAX)) {
            throw new TemplateRefusedException("template.text-invalid",
                    "The body is text of at most " + BODY_MAX + " characters without control characters other than line breaks.");
        }
        if (channel == Channel.SMS) {
            if (normalizedSubject != null) {
                throw new TemplateRefusedException("template.subject-not-allowed", "An SMS has no subject.");
            }
            if (normalizedBody.length() > SMS_MAX) {
                throw new TemplateRefusedException("template.sms-too-long", "An SMS body is at most " + SMS_MAX + " characters as written.");
            }
        } else {
            if (normalizedSubject == null) {
                throw new TemplateRefusedException("template.subject-required", "An " + channel + " template needs a subject.");
            }
            if (!TextRules.isSingleLine(normalizedSubject, SUBJECT_MAX)) {
                throw new TemplateRefusedException("template.text-invalid",
                        "The subject is one line of at most " + SUBJECT_MAX + " characters without control characters.");
            }
        }
        for (String text : new String[] {normalizedSubject, normalizedBody}) {
            TemplateSyntax.malformed(text).ifPresent(fragment -> {
                throw new TemplateRefusedException("template.placeholder-malformed",
                        "Placeholders are written {{name}}; this is not one: \"" + fragment + "\".");
            });
        }
        Set<String> unknown = new LinkedHashSet<>(TemplateSyntax.placeholders(normalizedSubject));
        unknown.addAll(TemplateSyntax.placeholders(normalizedBody));
        unknown.removeAll(trigger.placeholderNames());
        if (!unknown.isEmpty()) {
            throw new TemplateRefusedException("template.placeholder-unknown", trigger + " gives no " + String.join(", ", unknown)
                    + "; it gives " + String.join(", ", trigger.placeholders().stream().map(p -> p.name()).toList()) + ".");
        }
        return new Text(normalizedSubject, normalizedBody);
    }
}
