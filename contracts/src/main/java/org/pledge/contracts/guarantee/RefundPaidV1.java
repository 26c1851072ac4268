package org.pledge.contracts.guarantee;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;
import org.pledge.contracts.Money;

/**
 * Data of {@code pledge.guarantee.refund-paid.v1}: the refund {@code refundId} of {@code amount} was paid by
 * {@code method}; the claim is paid for good.
 *
 * @param method {@code ORIGINAL_PAYMENT_METHOD} or {@code BANK_TRANSFER}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundPaidV1(
        String caseId,
        String claimId,
        String serviceType,
        @DataSubjectField String applicantReference,
        String language,
        Money amount,
        String refundId,
        String method,
        Instant paidAt) {
}
