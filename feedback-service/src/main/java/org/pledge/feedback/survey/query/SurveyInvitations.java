package org.pledge.feedback.survey.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.feedback.survey.api.SurveyInvitationPreparedEvent;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code survey_invitations} read model: one {@link InvitationDocument} per case, kept by
 * {@link SurveyInvitationProjection} through {@link SequencedDocuments} (each event applied once, by the
 * invitation's sequence numbers).
 */
@Repository
public class SurveyInvitations {

    static final String COLLECTION = "survey_invitations";

    private final MongoCollection<Document> documents;
    private final SequencedDocuments<InvitationDocument> sequenced;

    public SurveyInvitations(MongoDatabaseFactory databases) {
        this.documents = databases.getMongoDatabase().getCollection(COLLECTION);
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        documents.createIndex(Indexes.ascending("_id", InvitationDocument.SEQ), new IndexOptions().unique(true));
        this.sequenced = new SequencedDocuments<>(documents.withDocumentClass(InvitationDocument.class), InvitationDocument.SEQ,
                SurveyInvitations::caseOf);
    }

    /** The document an event of an invitation changes: its case's. */
    static String caseOf(EventMessage<?> event) {
        return event.getPayload() instanceof SurveyInvitationPreparedEvent prepared ? prepared.caseId() : null;
    }

    void apply(String caseId, long sequence, UnaryOperator<InvitationDocument> change) {
        sequenced.apply(caseId, sequence, change);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    /** The number of invitations (one per case) per service type, ordered by type. */
    public Map<String, Long> countByServiceType() {
        Map<String, Long> counts = new LinkedHashMap<>();
        documents.aggregate(List.of(
                        Aggregates.group("$" + InvitationDocument.SERVICE_TYPE, Accumulators.sum("n", 1)),
                        Aggregates.sort(Sorts.ascending("_id"))))
                .forEach(d -> counts.put(d.getString("_id"), ((Number) d.get("n")).longValue()));
        return counts;
    }
}
