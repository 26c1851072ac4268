package org.pledge.guarantee.claim.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.guarantee.claim.api.GuaranteedFeeRecordedEvent;

/**
 * One claim in {@code guarantee_claims}, by case (read and written through the driver's record codec: these
 * components are the field names).
 *
 * @param feeAmount the fee paid as a decimal string, null when none was paid
 * @param seq       the sequence number of the claim's last event applied (the event's, set by the projection)
 */
public record ClaimDocument(@BsonId String caseId, String claimId, String serviceType, String feeAmount, String feeCurrency,
                            String status, Instant submittedAt, long seq) {

    static final String SEQ = "seq";

    static ClaimDocument recorded(GuaranteedFeeRecordedEvent event, String status, long sequence) {
        return new ClaimDocument(event.caseId(), event.claimId(), event.serviceType(),
                event.feePaid() == null ? null : event.feePaid().amount().toPlainString(),
                event.feePaid() == null ? null : event.feePaid().currency(), status, event.submittedAt(), sequence);
    }
}
