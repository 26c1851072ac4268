package org.pledge.contracts.guarantee;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;
import org.pledge.contracts.Money;

/**
 * Data of {@code pledge.guarantee.refund-approved.v1}: the claim's refund of {@code amount} is approved and will be paid
 * by {@code method}. Never the approvers' identities.
 *
 * @param refundId  the refund's id (35 characters), also the payment's idempotency key and end-to-end id
 * @param method    {@code ORIGINAL_PAYMENT_METHOD} or {@code BANK_TRANSFER}
 * @param automatic approved without finance (at or under the policy's auto-approval limit)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundApprovedV1(
        String caseId,
        String claimId,
        String serviceType,
        @DataSubjectField String applicantReference,
        String language,
        Money amount,
        String refundId,
        String method,
        boolean automatic,
        Instant approvedAt) {
}
