package org.pledge.notification.delivery.query;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;

/**
 * One notification in {@code notifications} (read and written through the driver's record codec: these components
 * are the field names). No contact points: they are looked up when the message is sent.
 *
 * @param triggeredBy the CloudEvent id of the event that caused it
 * @param seq         the sequence number of the notification's last event applied (the event's, set by the projection)
 */
public record NotificationDocument(@BsonId String id, String caseId, String kind, String language, String preferredChannel,
                                   String status, String triggeredBy, Instant recordedAt, long seq) {

    static final String SEQ = "seq";
    static final String CASE_ID = "caseId";
    static final String RECORDED_AT = "recordedAt";

    static NotificationDocument requested(NotificationRequestedEvent event, String status, long sequence) {
        return new NotificationDocument(event.notificationId(), event.caseId(), event.kind(), event.language(),
                event.preferredChannel(), status, event.triggeredBy(), event.requestedAt(), sequence);
    }
}
