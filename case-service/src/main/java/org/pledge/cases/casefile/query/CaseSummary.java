package org.pledge.cases.casefile.query;

import java.time.Instant;
import java.util.List;

import org.pledge.cases.sla.Pause;

/**
 * A case as the {@code case_summaries} read model keeps it: no personal data beyond the channel's opaque
 * reference. Clock values that depend on "now" (business days elapsed and remaining) are not stored; the web
 * layer reads them from {@code ServiceStandardClock} with these fields.
 *
 * @param submittedBy     who submitted it (the {@code actor}; for a follow-up the service that requested it)
 * @param owner           the channel client the case belongs to: the submitter, or for a follow-up the earlier case's
 *                        owner; a channel reads and lists only the cases it owns
 * @param pauses          closed pauses of the clock, in order (information requests, closed time before a reopening)
 * @param pausedSince     start of the pause in progress (awaiting information), or null
 * @param followUpCaseIds follow-up cases opened from this one
 * @param version         the sequence number of the case's last event this summary includes (its entity tag)
 */
public record CaseSummary(String caseId, String serviceType, String channel, String status, String applicantReference,
                          Instant submittedAt, Instant receivedAt, Instant deadline, Instant atRiskAt, String submittedBy,
                          String owner, String assignee, String serviceStandard, String atRiskShare, String calendarId, int calendarVersion,
                          boolean guaranteed, List<Pause> pauses, Instant pausedSince, String pauseReason,
                          boolean atRisk, Instant markedAtRiskAt, boolean breached, Instant breachedAt,
                          Instant resolvedAt, String outcome, Boolean onTime, Integer latenessBusinessDays,
                          Instant withdrawnAt, String withdrawnBy, Instant reopenedAt,
                          String previousCaseId, String followUpRequestId, List<String> followUpCaseIds,
                          long version) {
}
