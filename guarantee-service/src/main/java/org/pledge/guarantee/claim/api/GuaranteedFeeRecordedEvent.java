package org.pledge.guarantee.claim.api;

import java.time.Instant;

/**
 * The claim of case {@code caseId} holds the fee paid at submission ({@code feePaid}, null when none was paid) and the
 * fee's payment reference (null when none was given, and in events stored before the field existed).
 */
public record GuaranteedFeeRecordedEvent(String claimId, String caseId, String serviceType, Money feePaid, Instant submittedAt,
                                         String paymentReference) {

    public GuaranteedFeeRecordedEvent(String claimId, String caseId, String serviceType, Money feePaid, Instant submittedAt) {
        this(claimId, caseId, serviceType, feePaid, submittedAt, null);
    }
}
