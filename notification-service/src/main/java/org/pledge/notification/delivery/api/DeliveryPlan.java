package org.pledge.notification.delivery.api;

import java.util.Map;

import org.pledge.notification.channel.api.Channel;

/**
 * What the caller of {@link StartDeliveryAttemptCommand} is to do: send on {@code channel} now ({@link #send}), or
 * nothing. Holds the trigger's values, credentials included: never logged, never stored.
 *
 * @param attempt  the attempt's number on its channel (1 for the first)
 * @param language the language to write in: the contact's, else the event's
 */
public record DeliveryPlan(boolean send, String notificationId, Channel channel, int attempt, String reference,
                           boolean mayHaveBeenSent, String recipientRef, String templateId, String language,
                           Map<String, String> values) {

    public static DeliveryPlan none(String notificationId) {
        return new DeliveryPlan(false, notificationId, null, 0, null, false, null, null, null, Map.of());
    }

    /** No values in a log line. */
    @Override
    public String toString() {
        return "DeliveryPlan[" + notificationId + (send ? ", " + channel + " attempt " + attempt + "]" : ", nothing]");
    }
}
