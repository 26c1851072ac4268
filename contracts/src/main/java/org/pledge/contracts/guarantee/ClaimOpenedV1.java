package org.pledge.contracts.guarantee;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;
import org.pledge.contracts.Money;

/**
 * Data of {@code pledge.guarantee.claim-opened.v1}: the case's guaranteed service standard was missed, and a refund
 * claim opened by itself (the client does not apply). The refund accrues until the case is resolved; {@code amount} is
 * the fee the refund is a share of. No name or contact points: only the applicant reference, the data subject.
 *
 * @param amount        the case's fee, which the refund is a share of
 * @param deadline      the case's service-standard deadline that was missed
 * @param openedAt      when the breach was recorded
 * @param policyVersion the guarantee policy version current when the claim opened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimOpenedV1(
        String caseId,
        String claimId,
        String serviceType,
        @DataSubjectField String applicantReference,
        String language,
        Money amount,
        Instant deadline,
        Instant openedAt,
        int policyVersion) {
}
