package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.notification.channel.api.Channel;
import org.pledge.platform.api.CommandTarget;

/**
 * What attempt {@code attempt} on {@code channel} came to. A report of another attempt than the one under way (late,
 * repeated) changes nothing.
 *
 * @param providerId      the provider's id of the message, when it took it
 * @param reason          a short failure code (never personal data), when it failed
 * @param templateVersion the template variant's version the message was written from, 0 when it could not be written
 * @param language        the language it was written in, null when it could not be written
 */
public record RecordDeliveryOutcomeCommand(@CommandTarget String notificationId, Channel channel, int attempt, Outcome outcome,
                                           String providerId, String reason, int templateVersion, String language,
                                           DeliveryPolicy policy, Instant at) {

    public enum Outcome {
        /** Handed over for good. */
        DELIVERED,
        /** Taken by the provider; a receipt follows. */
        ACCEPTED,
        /** Not sent; worth trying again on the same channel. */
        TEMPORARY_FAILURE,
        /** Never on this channel: fall back at once. */
        PERMANENT_FAILURE
    }
}
