package org.pledge.console.audit;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What the services' audit and history APIs answer, as the audit pages read them ({@code docs/audit.md}). */
public final class AuditViews {

    private AuditViews() {
    }

    /** {@code GET /api/audit/verification} of one service. */
    public record Verification(String service, boolean ok, Long from, Long to, Long verifiedFrom, long eventsVerified,
                               int checkpointsVerified, Checkpoints checkpoints, Break firstBreak, Long chainedHead,
                               String keyId) {

        /** The newest checkpoint the service signed, or null. */
        public Long latestCheckpoint() {
            return checkpoints == null ? null : checkpoints.latest();
        }

        /** Whether sequences after the newest signed checkpoint are vouched for by the chain only, not yet signed. */
        public boolean unsignedTail() {
            return ok && to != null && to > 0 && (latestCheckpoint() == null || latestCheckpoint() < to);
        }
    }

    public record Checkpoints(Long start, Long first, Long last, Long latest) {
    }

    /** The first break: where and how. */
    public record Break(long sequence, String kind, String detail) {
    }

    /** One step of case-service's history of a case. */
    public record CaseHistoryEntry(long sequence, String type, String occurredAt, String actor, String actorRoles,
                                   String channel, String client, JsonNode details) {
    }

    /** A page of a case's feedback (feedback-service). */
    public record FeedbackPage(List<Feedback> items, long total) {
        public FeedbackPage {
            items = items == null ? List.of() : items;
        }
    }

    public record Feedback(String feedbackId, String channel, Integer rating, Integer effort, List<String> painPoints,
                           String comment, String receivedAt, String timeliness) {
    }

    /** A page of a case's notifications (notification-service). */
    public record NotificationPage(List<Notification> items, long total) {
        public NotificationPage {
            items = items == null ? List.of() : items;
        }
    }

    public record Notification(String id, String templateId, String trigger, String channel, String status,
                               String reason, String requestedAt, String updatedAt) {
    }

    /** A guarantee claim with its history (guarantee-service). */
    public record Claim(String claimId, String status, List<ClaimStep> history) {
        public Claim {
            history = history == null ? List.of() : history;
        }
    }

    public record ClaimStep(String at, String what, String actor, String detail) {
    }
}
