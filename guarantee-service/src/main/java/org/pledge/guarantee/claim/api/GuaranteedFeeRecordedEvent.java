package org.pledge.guarantee.claim.api;

import java.time.Instant;

/** The claim of case {@code caseId} holds the fee paid at submission ({@code feePaid}, null when none was paid). */
public record GuaranteedFeeRecordedEvent(String claimId, String caseId, String serviceType, Money feePaid, Instant submittedAt) {
}
