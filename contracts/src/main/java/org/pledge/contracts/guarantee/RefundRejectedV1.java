package org.pledge.contracts.guarantee;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;
import org.pledge.contracts.Money;

/**
 * Data of {@code pledge.guarantee.refund-rejected.v1}: finance rejected the claim's refund of {@code amount}; final.
 * Never the identity of who rejected it.
 *
 * @param reason finance's reason, as given (free text, meant to be told to the client)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundRejectedV1(
        String caseId,
        String claimId,
        String serviceType,
        @DataSubjectField String applicantReference,
        String language,
        Money amount,
        String reason,
        Instant rejectedAt) {
}
