package org.pledge.contracts.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;
import org.pledge.contracts.Money;

/**
 * Data of {@code pledge.case.service-standard-breached.v1}: the deadline passed without a decision (once per
 * case). Carries the case facts every consumer needs and, for guarantee-service, whether the standard was
 * guaranteed when the case was submitted and the fee paid; never the applicant's name or contact points.
 *
 * @param deadline   the missed (now frozen) deadline
 * @param guaranteed whether missing the standard refunds the fee
 * @param fee        the fee paid at submission
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceStandardBreachedV1(
        String caseId,
        String serviceType,
        String channel,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        Instant deadline,
        Instant markedAt,
        Boolean guaranteed,
        Money fee) {
}
