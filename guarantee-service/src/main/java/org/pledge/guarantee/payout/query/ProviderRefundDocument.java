package org.pledge.guarantee.payout.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.RecordFields;

/**
 * One provider refund in {@code provider_refunds}: where it stands and when it is next to be looked at.
 *
 * @param status      REQUESTED, ATTEMPTING, ACCEPTED, RETRY_SCHEDULED, SETTLED or FAILED
 * @param nextCheckAt when the sweep is to take it up again (the lease's end, the retry's time, the next poll); null
 *                    once settled or failed
 * @param lastProblem the last attempt's problem or the failure's reason (codes, never personal data)
 * @param seq         the sequence number of the refund's last event applied
 */
public record ProviderRefundDocument(@BsonId String refundId, String claimId, String status, int attempts,
                                     Instant nextCheckAt, String providerRefundId, String lastProblem, Instant updatedAt,
                                     long seq) {

    private static final RecordFields FIELDS = RecordFields.of(ProviderRefundDocument.class);
    static final String SEQ = FIELDS.name("seq");
    static final String NEXT_CHECK_AT = FIELDS.name("nextCheckAt");

    ProviderRefundDocument with(String newStatus, int newAttempts, Instant newNextCheckAt, String newProviderRefundId,
                                String newLastProblem, Instant at, long sequence) {
        return new ProviderRefundDocument(refundId, claimId, newStatus, newAttempts, newNextCheckAt, newProviderRefundId,
                newLastProblem, at, sequence);
    }
}
