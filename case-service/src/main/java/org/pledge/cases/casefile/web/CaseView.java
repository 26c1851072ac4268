package org.pledge.cases.casefile.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/cases/{id}}: a case and its service-standard clock, read at the request's instant (for a resolved
 * or withdrawn case, at its closing). No personal data beyond the channel's opaque applicant reference.
 */
@Schema(name = "Case", description = "A case and where its service-standard clock stands")
record CaseView(
        String caseId,
        @Schema(allowableValues = {"SUBMITTED", "ASSIGNED", "IN_PROGRESS", "AWAITING_INFORMATION", "RESOLVED", "WITHDRAWN"}) String status,
        String serviceType,
        @Schema(description = "Where the case came in, e.g. WEB, PAPER, FOLLOW_UP") String channel,
        @Schema(description = "The channel's opaque reference for the applicant") String applicantReference,
        String assignee,
        Instant submittedAt,
        @Schema(description = "When the clock started (stated receipt for paper and mail)") Instant receivedAt,
        @Schema(description = "The published standard, e.g. '10 business days' or 'PT2M'") String serviceStandard,
        @Schema(description = "The business calendar the deadline counts in") String calendarId,
        @Schema(description = "The version of that calendar the current deadline used") int calendarVersion,
        Instant deadline,
        Instant atRiskAt,
        @Schema(description = "Business (or calendar) days of the standard used so far; null for duration standards") Integer businessDaysElapsed,
        @Schema(description = "Days of the standard left, today included; 0 once breached; null for duration standards") Integer businessDaysRemaining,
        @Schema(description = "For duration standards: running time left (ISO-8601 duration); null otherwise") String timeRemaining,
        boolean paused,
        @Schema(description = "Why the clock is paused (the information request's reason code); null when running") String pauseReason,
        Instant pausedSince,
        boolean atRisk,
        boolean breached,
        @Schema(description = "Business days late: the resolution's, or for an open breached case so far; 0 when not late") int latenessBusinessDays,
        @Schema(description = "Set once resolved") Resolution resolution,
        @Schema(description = "Set once withdrawn") Withdrawal withdrawal,
        Links links) {

    record Resolution(String outcome, Instant resolvedAt, boolean onTime, int latenessBusinessDays) {
    }

    record Withdrawal(@Schema(allowableValues = {"CHANNEL", "CASEWORKER"}) String withdrawnBy, Instant withdrawnAt) {
    }

    record Links(String self, String history,
                 @Schema(description = "The applicant's name and contact points (personal data; caseworker, or the channel that owns the case)") String applicant,
                 @Schema(description = "The case this one follows up, if any") String previousCase,
                 @Schema(description = "Follow-up cases opened from this one") List<String> followUpCases) {
    }
}
