package org.pledge.contracts.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.case.deadline-recalculated.v1}: the case adopted a new business-calendar version; {@code deadline} is the recalculated one.
 * Carries the case facts every consumer needs (service type, channel, the channel's applicant reference,
 * language, preferred channel, current deadline); never the applicant's name or contact points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadlineRecalculatedV1(
        String caseId,
        String serviceType,
        String channel,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        Instant deadline,
        String calendarId,
        int calendarVersion,
        Instant atRiskAt,
        Instant recalculatedAt) {
}
