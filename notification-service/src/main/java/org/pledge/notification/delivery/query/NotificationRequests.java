package org.pledge.notification.delivery.query;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/** The {@code notification_requests} collection. Queries stay on indexed fields (see the note on caseId). */
@Repository
public class NotificationRequests {

    static final String COLLECTION = "notification_requests";
    private final MongoCollection<Document> collection;

    public NotificationRequests(MongoDatabaseFactory databases) {
        this.collection = databases.getMongoDatabase().getCollection(COLLECTION);
        // real MongoDB uses it; mongo-java-server ignores non-unique indexes and scans (fine at this size)
        collection.createIndex(Indexes.ascending("caseId"));
    }

    /** Records {@code request} unless one with its id exists. Returns whether it was new. */
    public boolean recordOnce(NotificationRequest request) {
        try {
            collection.insertOne(new Document("_id", request.id())
                    .append("caseId", request.caseId())
                    .append("kind", request.kind())
                    .append("language", request.language())
                    .append("preferredChannel", request.preferredChannel())
                    .append("status", request.status())
                    .append("triggeredBy", request.triggeredBy())
                    .append("recordedAt", java.util.Date.from(request.recordedAt())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public List<NotificationRequest> forCase(String caseId, int limit) {
        List<NotificationRequest> result = new ArrayList<>();
        collection.find(Filters.eq("caseId", caseId)).sort(Sorts.ascending("recordedAt")).limit(limit)
                .forEach(d -> result.add(new NotificationRequest(d.getString("_id"), d.getString("caseId"),
                        d.getString("kind"), d.getString("language"), d.getString("preferredChannel"),
                        d.getString("status"), d.getString("triggeredBy"), d.getDate("recordedAt").toInstant())));
        return result;
    }
}
