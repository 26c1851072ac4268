package org.pledge.contracts.cases;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pledge.contracts.DataSubjectField;

/**
 * Data of {@code pledge.case.resolved.v1}: the case was decided. Carries the case facts every consumer needs
 * (service type, channel, the channel's applicant reference, language, preferred channel); never the
 * applicant's name or contact points, nor the caseworker's free-text note.
 *
 * @param deadline               the deadline the resolution was measured against
 * @param outcome                {@code APPROVED}, {@code REFUSED} or {@code OTHER}
 * @param onTime                 resolved before the deadline and never breached
 * @param latenessBusinessDays   0 when on time, else at least 1
 * @param reasonCode             the decision's reason code (e.g. {@code fraud}); null when none was given, and from
 *                               producers older than the field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResolvedV1(
        String caseId,
        String serviceType,
        String channel,
        @DataSubjectField String applicantReference,
        String language,
        String preferredChannel,
        Instant deadline,
        String outcome,
        Instant resolvedAt,
        boolean onTime,
        int latenessBusinessDays,
        String reasonCode) {

    /** Without a reason code (the form before {@code reasonCode} existed). */
    public CaseResolvedV1(String caseId, String serviceType, String channel, String applicantReference, String language,
                          String preferredChannel, Instant deadline, String outcome, Instant resolvedAt, boolean onTime,
                          int latenessBusinessDays) {
        this(caseId, serviceType, channel, applicantReference, language, preferredChannel, deadline, outcome, resolvedAt, onTime,
                latenessBusinessDays, null);
    }
}
