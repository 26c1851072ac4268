package org.pledge.notification.delivery.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.NotificationStatus;

/**
 * One notification in {@code notifications} (read and written through the driver's record codec: these components are
 * the field names), and its place in the persisted schedule ({@code nextCheckAt}: when the sweep takes it up next; none
 * once final). No contact point, no text and no trigger value: only what was tried, when and how it went.
 *
 * @param recipientRef the data subject's reference (the applicant's reference: no personal data by contract)
 * @param channels     the planned channels, in order; empty until planned
 * @param channel      the channel under way, or the last one tried
 * @param reason       the last failure's code
 * @param attempts     every attempt, oldest first
 * @param seq          the sequence number of the notification's last event applied
 */
public record NotificationDocument(@BsonId String id, String caseId, String recipientRef, String trigger, String ruleId, int ruleVersion,
                                   String templateId, String sourceEventId, String sourceEventType, String status,
                                   List<String> channels, String channel, String language, String reason, List<Attempt> attempts,
                                   Instant requestedAt, Instant updatedAt, Instant nextCheckAt, long seq) {

    static final String SEQ = "seq";
    static final String CASE_ID = "caseId";
    static final String STATUS = "status";
    static final String REQUESTED_AT = "requestedAt";
    static final String NEXT_CHECK_AT = "nextCheckAt";

    /**
     * One attempt on one channel.
     *
     * @param outcome         null while under way; then {@code DELIVERED}, {@code SENT}, {@code TEMPORARY_FAILURE},
     *                        {@code PERMANENT_FAILURE}
     * @param templateVersion the template variant's version written, 0 when none was
     */
    public record Attempt(String channel, int number, boolean mayHaveBeenSent, Instant startedAt, String outcome, String reason,
                          int templateVersion, Instant endedAt) {
    }

    static NotificationDocument requested(NotificationRequestedEvent e, Instant nextCheckAt, long sequence) {
        return new NotificationDocument(e.notificationId(), e.caseId(), e.recipientRef(), e.trigger(), e.ruleId(), e.ruleVersion(),
                e.templateId(), e.sourceEventId(), e.sourceEventType(), NotificationStatus.REQUESTED.name(), List.of(), null,
                e.eventLanguage(), null, List.of(), e.requestedAt(), e.requestedAt(), nextCheckAt, sequence);
    }

    NotificationDocument with(NotificationStatus status, String channel, String language, String reason, List<String> channels,
                              List<Attempt> attempts, Instant at, Instant nextCheckAt, long sequence) {
        return new NotificationDocument(id, caseId, recipientRef, trigger, ruleId, ruleVersion, templateId, sourceEventId, sourceEventType,
                status.name(), channels, channel, language, reason, attempts, requestedAt, at, nextCheckAt, sequence);
    }

    /** The attempts with the last one replaced by {@code last}. */
    List<Attempt> withLast(Attempt last) {
        List<Attempt> all = new ArrayList<>(attempts == null ? List.of() : attempts);
        if (!all.isEmpty()) {
            all.set(all.size() - 1, last);
        }
        return List.copyOf(all);
    }

    Attempt lastAttempt() {
        return attempts == null || attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }
}
