package org.pledge.contracts.guarantee;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;
import org.pledge.contracts.Money;

/**
 * Data of {@code pledge.guarantee.refund-failed.v1}: the payment of the refund {@code refundId} failed for good and
 * went back to finance, who approve it again (a new refund) or reject it.
 *
 * @param method {@code ORIGINAL_PAYMENT_METHOD} or {@code BANK_TRANSFER}
 * @param reason why it failed (the provider's or the bank's reason)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundFailedV1(
        String caseId,
        String claimId,
        String serviceType,
        @DataSubjectField String applicantReference,
        String language,
        Money amount,
        String refundId,
        String method,
        String reason,
        Instant failedAt) {
}
