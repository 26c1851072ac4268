package org.pledge.notification.delivery.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * Asks the notification whether an attempt is due now and, if so, records its intent (channel, reference, lease)
 * before anything is sent; answers a {@link DeliveryPlan}.
 *
 * @param reach what the contact directory says now
 */
public record StartDeliveryAttemptCommand(@CommandTarget String notificationId, Reachability reach, DeliveryPolicy policy,
                                          Instant at) {
}
