package org.pledge.contracts.feedback;

import java.time.Instant;

/** Data of {@code pledge.feedback.follow-up-requested.v1}: an unhappy client agreed to be contacted. */
public record FollowUpRequestedV1(String followUpId, String caseId, String serviceType, String reason, Instant requestedAt) {
}
