package org.pledge.contracts.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.case.reopened.v1}: a resolved case was reopened; {@code deadline} is the resumed clock's (frozen once breached).
 * Carries the case facts every consumer needs (service type, channel, the channel's applicant reference,
 * language, preferred channel, current deadline); never the applicant's name or contact points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseReopenedV1(
        String caseId,
        String serviceType,
        String channel,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        Instant deadline,
        Instant resolvedAt,
        Instant reopenedAt,
        Instant atRiskAt) {
}
