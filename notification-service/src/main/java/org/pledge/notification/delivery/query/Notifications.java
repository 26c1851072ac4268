package org.pledge.notification.delivery.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.notification.delivery.api.NotificationRequestedEvent;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code notifications} read model: one {@link NotificationDocument} per notification, kept by
 * {@link NotificationProjection} through {@link SequencedDocuments} (each event applied once, by the notification's
 * sequence numbers).
 */
@Repository
public class Notifications {

    static final String COLLECTION = "notifications";

    private final MongoCollection<NotificationDocument> notifications;
    private final MongoCollection<Document> documents;
    private final SequencedDocuments<NotificationDocument> sequenced;

    public Notifications(MongoDatabaseFactory databases) {
        this.documents = databases.getMongoDatabase().getCollection(COLLECTION);
        this.notifications = documents.withDocumentClass(NotificationDocument.class);
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        documents.createIndex(Indexes.ascending("_id", NotificationDocument.SEQ), new IndexOptions().unique(true));
        // real MongoDB uses it; mongo-java-server ignores non-unique indexes and scans (fine at this size)
        documents.createIndex(Indexes.ascending(NotificationDocument.CASE_ID));
        this.sequenced = new SequencedDocuments<>(notifications, NotificationDocument.SEQ, Notifications::notificationOf);
    }

    /** The document an event of a notification changes: its own. */
    static String notificationOf(EventMessage<?> event) {
        return event.getPayload() instanceof NotificationRequestedEvent requested ? requested.notificationId() : null;
    }

    void apply(String notificationId, long sequence, UnaryOperator<NotificationDocument> change) {
        sequenced.apply(notificationId, sequence, change);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    /** One page of the notifications of a case and/or in a status (null: any), newest first. */
    public List<NotificationDocument> page(String caseId, String status, int page, int size) {
        return notifications.find(filter(caseId, status))
                .sort(Sorts.orderBy(Sorts.descending(NotificationDocument.RECORDED_AT), Sorts.descending("_id")))
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
            filter.append("status", status);
        }
        return filter;
    }
}
