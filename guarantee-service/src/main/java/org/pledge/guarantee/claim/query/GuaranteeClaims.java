package org.pledge.guarantee.claim.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.guarantee.claim.api.GuaranteedFeeRecordedEvent;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code guarantee_claims} read model: one {@link ClaimDocument} per case, kept by {@link GuaranteeClaimProjection}
 * through {@link SequencedDocuments} (each event applied once, by the claim's sequence numbers).
 */
@Repository
public class GuaranteeClaims {

    static final String COLLECTION = "guarantee_claims";

    private final MongoCollection<ClaimDocument> claims;
    private final MongoCollection<Document> documents;
    private final SequencedDocuments<ClaimDocument> sequenced;

    public GuaranteeClaims(MongoDatabaseFactory databases) {
        this.documents = databases.getMongoDatabase().getCollection(COLLECTION);
        this.claims = documents.withDocumentClass(ClaimDocument.class);
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        documents.createIndex(Indexes.ascending("_id", ClaimDocument.SEQ), new IndexOptions().unique(true));
        this.sequenced = new SequencedDocuments<>(claims, ClaimDocument.SEQ, GuaranteeClaims::caseOf);
    }

    /** The document an event of a claim changes: its case's. */
    static String caseOf(EventMessage<?> event) {
        return event.getPayload() instanceof GuaranteedFeeRecordedEvent recorded ? recorded.caseId() : null;
    }

    void apply(String caseId, long sequence, UnaryOperator<ClaimDocument> change) {
        sequenced.apply(caseId, sequence, change);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    /** The first {@code limit} claims by case id. */
    public List<ClaimDocument> page(int limit) {
        return claims.find().sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>());
    }
}
