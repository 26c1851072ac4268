package org.pledge.console.operations;

import java.util.List;
import java.util.Map;

/** What the services' operator and notification APIs answer, as the operations pages read them. */
public final class OperationsViews {

    private OperationsViews() {
    }

    /**
     * A record parked on {@code <topic>.dlq} ({@code GET /ops/dead-letters/{topic}}). {@code headers} and
     * {@code payload} are read when a service gives them; today's platform API gives neither (the CloudEvent id, type
     * and subject are its headers that matter).
     */
    public record ParkedMessage(int partition, long offset, String parkedAt, String key, String ceId, String ceType,
                         String ceSubject, String error, Map<String, String> headers, String payload) {
    }

    /** What a replay of a topic's dead letters did. */
    public record ReplayResult(String topic, int replayed, int failed) {
    }

    /** An integration event the publisher parked ({@code GET /ops/dead-letters/outbound}). */
    public record OutboundLetter(String eventId, String sequenceKey, long sequenceNumber, long globalIndex,
                          String aggregateType, String payloadType, String state, String reason, int attempts,
                          String firstFailedAt, String lastFailedAt, String parkedAt) {
    }

    /** What a replay of the publisher's parked events did. */
    public record OutboundReplayResult(int replayed, int failed, int stillParked) {
    }

    /** A page of notification-service's notifications. */
    public record NotificationPage(List<Notification> items, int page, int size, long total) {
        public NotificationPage {
            items = items == null ? List.of() : items;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** A notification (the fields the abandoned list shows). */
    public record Notification(String id, String caseId, String templateId, String trigger, String channel,
                        List<String> channels, String status, String reason, String requestedAt, String updatedAt,
                        String language) {
    }
}
