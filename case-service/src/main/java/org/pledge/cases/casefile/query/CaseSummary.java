package org.pledge.cases.casefile.query;

import java.time.Instant;

/** What the API shows of a case: no personal data beyond the channel's opaque reference. */
public record CaseSummary(String caseId, String serviceType, String channel, String status, String applicantReference,
                          Instant submittedAt, Instant receivedAt, Instant deadline, Instant atRiskAt, String submittedBy) {
}
