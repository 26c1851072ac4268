package org.pledge.contracts.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.case.information-requested.v1}: the client was asked for information; the service-standard clock is paused.
 * Carries the case facts every consumer needs (service type, channel, the channel's applicant reference,
 * language, preferred channel, current deadline); never the applicant's name or contact points.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InformationRequestedV1(
        String caseId,
        String serviceType,
        String channel,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        Instant deadline,
        String reasonCode,
        Instant requestedAt) {
}
