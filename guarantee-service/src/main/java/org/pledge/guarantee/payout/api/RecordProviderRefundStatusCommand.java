package org.pledge.guarantee.payout.api;

import java.time.Instant;

import org.pledge.platform.api.CommandTarget;

/**
 * What the provider said about a refund: in an answer to a call or a look-up, or in a callback. The aggregate
 * decides what it changes: a final status is kept for good, a status that comes late or twice changes nothing.
 *
 * @param providerRefundId the provider's id of the refund
 * @param status           the provider's status
 * @param reason           the provider's reason for {@link ProviderRefundStatus#REJECTED}, else null
 * @param source           where it came from ({@code answer}, {@code look-up}, {@code callback}): for the history
 * @param eventId          the provider's event id of a callback, else null
 */
public record RecordProviderRefundStatusCommand(@CommandTarget String refundId, String providerRefundId,
                                                ProviderRefundStatus status, String reason, String source,
                                                String eventId, Instant at) {
}
