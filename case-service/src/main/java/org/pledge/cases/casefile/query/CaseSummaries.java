package org.pledge.cases.casefile.query;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/** The {@code case_summaries} read model. */
@Repository
public class CaseSummaries {

    private final MongoCollection<Document> collection;

    public CaseSummaries(MongoDatabaseFactory databases) {
        this.collection = databases.getMongoDatabase().getCollection("case_summaries");
    }

    MongoCollection<Document> collection() {
        return collection;
    }

    public Optional<CaseSummary> find(String caseId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", caseId)).first()).map(CaseSummaries::summary);
    }

    /** A page of cases, newest first; {@code submittedBy} narrows to one channel's own cases when not null. */
    public List<CaseSummary> page(String status, String serviceType, String submittedBy, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", status));
        }
        if (serviceType != null) {
            filters.add(Filters.eq("serviceType", serviceType));
        }
        if (submittedBy != null) {
            filters.add(Filters.eq("submittedBy", submittedBy));
        }
        List<CaseSummary> result = new ArrayList<>();
        collection.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("submittedAt")).skip(page * size).limit(size)
                .forEach(d -> result.add(summary(d)));
        return result;
    }

    private static CaseSummary summary(Document d) {
        return new CaseSummary(d.getString("_id"), d.getString("serviceType"), d.getString("channel"), d.getString("status"),
                d.getString("applicantReference"), instant(d, "submittedAt"), instant(d, "receivedAt"), instant(d, "deadline"),
                instant(d, "atRiskAt"), d.getString("submittedBy"));
    }

    private static java.time.Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
