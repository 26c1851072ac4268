package org.pledge.notification.delivery.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.pledge.notification.channel.api.Channel;

/** Notification identifiers and the references of their messages. */
public final class NotificationIds {

    private static final String REFERENCE_SEPARATOR = "-";

    private NotificationIds() {
    }

    /**
     * The notification one event owes one recipient under one rule: a name-based (version 3) UUID of
     * {@code (source CloudEvent id, rule id, recipient's subject reference)}, so the same event, however often it is
     * delivered, gives one notification per rule and recipient, and the id reveals none of its parts (no personal data).
     */
    public static String of(String sourceEventId, String ruleId, String recipientRef) {
        String name = "pledge-notification\n" + sourceEventId + "\n" + ruleId + "\n" + recipientRef;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Our reference of the notification's message on {@code channel}: {@code <notificationId>-<channel>} in lower case,
     * e.g. {@code 1b4e28ba-2fa1-3d2b-883f-0016d3cca427-sms}. Stable across retries and restarts (the provider's
     * idempotency key), and it names its notification, so a receipt finds it without a look-up.
     */
    public static String reference(String notificationId, Channel channel) {
        return notificationId + REFERENCE_SEPARATOR + channel.name().toLowerCase(Locale.ROOT);
    }

    /** The notification and channel a reference names, or null when it is not one of ours. */
    public static Referenced parse(String reference) {
        if (reference == null) {
            return null;
        }
        int at = reference.lastIndexOf(REFERENCE_SEPARATOR);
        if (at != 36) {
            return null;
        }
        String id = reference.substring(0, at);
        try {
            if (!UUID.fromString(id).toString().equals(id)) {
                return null;
            }
            Channel channel = Channel.valueOf(reference.substring(at + 1).toUpperCase(Locale.ROOT));
            return reference(id, channel).equals(reference) ? new Referenced(id, channel) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What a reference names. */
    public record Referenced(String notificationId, Channel channel) {
    }
}
