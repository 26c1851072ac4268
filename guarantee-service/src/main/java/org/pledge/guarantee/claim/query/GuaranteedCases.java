package org.pledge.guarantee.claim.query;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.pledge.guarantee.claim.api.Money;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * Cases whose fee guarantee-service may have to refund: the fee paid as the case was submitted. A claim
 * is opened from this when the case's standard is breached (a later issue).
 */
@Repository
public class GuaranteedCases {

    public record GuaranteedCase(String caseId, String serviceType, Money feePaid) {
    }

    private final MongoCollection<Document> collection;

    public GuaranteedCases(MongoDatabaseFactory databases) {
        this.collection = databases.getMongoDatabase().getCollection("guaranteed_cases");
    }

    public void record(GuaranteedCase guaranteed) {
        Document doc = new Document("_id", guaranteed.caseId()).append("serviceType", guaranteed.serviceType());
        if (guaranteed.feePaid() != null) {
            doc.append("feeAmount", guaranteed.feePaid().amount()).append("feeCurrency", guaranteed.feePaid().currency());
        }
        collection.replaceOne(Filters.eq("_id", guaranteed.caseId()), doc, new ReplaceOptions().upsert(true));
    }

    public List<GuaranteedCase> page(int limit) {
        List<GuaranteedCase> result = new ArrayList<>();
        collection.find().sort(Sorts.ascending("_id")).limit(limit).forEach(d -> result.add(new GuaranteedCase(
                d.getString("_id"), d.getString("serviceType"),
                fee(d))));
        return result;
    }

    /** The stored fee, or null when there is none or it is out of the contract's bounds ({@link Money#ifBounded}). */
    private static Money fee(Document d) {
        return Money.ifBounded(d.getString("feeAmount"), d.getString("feeCurrency"));
    }
}
