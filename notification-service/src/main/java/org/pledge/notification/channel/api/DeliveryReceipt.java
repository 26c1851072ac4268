package org.pledge.notification.channel.api;

import java.time.Instant;

/**
 * A provider's signed receipt for a message it accepted ({@link SendOutcome.Accepted}), once its signature is checked.
 *
 * @param reference  our {@link OutboundMessage#reference()} of the message
 * @param providerId the provider's id of the message
 * @param delivered  true when it reached the client; false when it failed for good
 * @param reason     the provider's reason code when it failed, else null
 * @param at         when the provider says it happened
 * @param receiptId  the provider's id of this receipt (duplicates repeat it)
 */
public record DeliveryReceipt(String reference, String providerId, boolean delivered, String reason, Instant at, String receiptId) {
}
