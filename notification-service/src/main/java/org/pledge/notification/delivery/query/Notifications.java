package org.pledge.notification.delivery.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.notification.delivery.api.DeliveryAttemptFailedEvent;
import org.pledge.notification.delivery.api.DeliveryAttemptStartedEvent;
import org.pledge.notification.delivery.api.NotificationAbandonedEvent;
import org.pledge.notification.delivery.api.NotificationDeliveredEvent;
import org.pledge.notification.delivery.api.NotificationPlannedEvent;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.notification.delivery.api.NotificationSentEvent;
import org.pledge.notification.delivery.api.NotificationWaitingForContactEvent;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} read model: one {@link NotificationDocument} per notification, kept by
 * {@link NotificationProjection} through {@link SequencedDocuments} (each event applied once, by the notification's
 * sequence numbers): the API's lists and history, and the persisted schedule the sweep reads ({@link #due}).
 */
@Repository
public class Notifications {

    static final String COLLECTION = "notifications";
    /** The processing group of the projection that keeps it. */
    public static final String PROJECTION_GROUP = "notifications";

    private final MongoCollection<NotificationDocument> notifications;
    private final MongoCollection<Document> documents;
    private final SequencedDocuments<NotificationDocument> sequenced;

    public Notifications(MongoDatabaseFactory databases) {
        this.documents = databases.getMongoDatabase().getCollection(COLLECTION);
        this.notifications = documents.withDocumentClass(NotificationDocument.class);
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        documents.createIndex(Indexes.ascending("_id", NotificationDocument.SEQ), new IndexOptions().unique(true));
        // real MongoDB uses them; mongo-java-server ignores non-unique indexes and scans
        documents.createIndex(Indexes.ascending(NotificationDocument.CASE_ID));
        documents.createIndex(Indexes.ascending(NotificationDocument.STATUS));
        documents.createIndex(Indexes.ascending(NotificationDocument.NEXT_CHECK_AT));
        this.sequenced = new SequencedDocuments<>(notifications, NotificationDocument.SEQ, Notifications::notificationOf);
    }

    /** The document an event of a notification changes: its own. */
    static String notificationOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof NotificationRequestedEvent e) {
            return e.notificationId();
        } else if (payload instanceof NotificationWaitingForContactEvent e) {
            return e.notificationId();
        } else if (payload instanceof NotificationPlannedEvent e) {
            return e.notificationId();
        } else if (payload instanceof DeliveryAttemptStartedEvent e) {
            return e.notificationId();
        } else if (payload instanceof NotificationSentEvent e) {
            return e.notificationId();
        } else if (payload instanceof DeliveryAttemptFailedEvent e) {
            return e.notificationId();
        } else if (payload instanceof NotificationDeliveredEvent e) {
            return e.notificationId();
        } else if (payload instanceof NotificationAbandonedEvent e) {
            return e.notificationId();
        }
        return null;
    }

    void apply(String notificationId, long sequence, UnaryOperator<NotificationDocument> change) {
        sequenced.apply(notificationId, sequence, change);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    public Optional<NotificationDocument> find(String id) {
        return Optional.ofNullable(notifications.find(Filters.eq("_id", id)).first());
    }

    /** One page of the notifications of a case and/or in a status (null: any), newest first. */
    public List<NotificationDocument> page(String caseId, String status, int page, int size) {
        return notifications.find(filter(caseId, status))
                .sort(Sorts.orderBy(Sorts.descending(NotificationDocument.REQUESTED_AT), Sorts.descending("_id")))
                .skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long count(String caseId, String status) {
        return notifications.countDocuments(filter(caseId, status));
    }

    private static Document filter(String caseId, String status) {
        Document filter = new Document(); // flat: mongo-java-server scans an $and
        if (caseId != null) {
            filter.append(NotificationDocument.CASE_ID, caseId);
        }
        if (status != null) {
            filter.append(NotificationDocument.STATUS, status);
        }
        return filter;
    }

    /** A notification the sweep takes up. */
    public record Due(String id, String recipientRef) {
    }

    /** The notifications due by {@code now}, the longest waiting first, at most {@code limit}. */
    public List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        documents.find(Filters.lte(NotificationDocument.NEXT_CHECK_AT, Date.from(now)))
                .projection(Projections.include("_id", "recipientRef"))
                .sort(Sorts.ascending(NotificationDocument.NEXT_CHECK_AT))
                .limit(limit)
                .forEach(document -> due.add(new Due(document.getString("_id"), document.getString("recipientRef"))));
        return due;
    }
}
