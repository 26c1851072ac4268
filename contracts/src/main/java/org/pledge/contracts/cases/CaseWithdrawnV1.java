package org.pledge.contracts.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.case.withdrawn.v1}: the case was withdrawn by the client's channel ({@code CHANNEL}) or a caseworker ({@code CASEWORKER}).
 * Carries the case facts every consumer needs (service type, channel, the channel's applicant reference,
 * language, preferred channel, current deadline); never the applicant's name or contact points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseWithdrawnV1(
        String caseId,
        String serviceType,
        String channel,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        Instant deadline,
        String withdrawnBy,
        Instant withdrawnAt) {
}
