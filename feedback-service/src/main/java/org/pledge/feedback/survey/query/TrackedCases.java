package org.pledge.feedback.survey.query;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * Cases feedback-service knows of, so that it can invite the client to the one-question survey when
 * the case ends: service type, channel and language only (no personal data).
 */
@Repository
public class TrackedCases {

    private final MongoCollection<Document> collection;

    public TrackedCases(MongoDatabaseFactory databases) {
        this.collection = databases.getMongoDatabase().getCollection("tracked_cases");
    }

    /** Upserts by case id: recording the same case again changes nothing. */
    public void track(String caseId, String serviceType, String channel, String language, java.time.Instant submittedAt) {
        collection.replaceOne(Filters.eq("_id", caseId), new Document("_id", caseId)
                .append("serviceType", serviceType)
                .append("channel", channel)
                .append("language", language)
                .append("submittedAt", Date.from(submittedAt)), new ReplaceOptions().upsert(true));
    }

    /** Number of tracked cases per service type, ordered by type. */
    public Map<String, Long> countByServiceType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        collection.aggregate(List.of(
                        Aggregates.group("$serviceType", Accumulators.sum("n", 1)),
                        Aggregates.sort(Sorts.ascending("_id"))))
                .forEach(d -> counts.put(d.getString("_id"), ((Number) d.get("n")).longValue()));
        return counts;
    }
}
