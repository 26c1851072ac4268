package org.pledge.guarantee.payout.query;

import java.time.Instant;
import java.util.ArrayList;
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
import org.pledge.guarantee.payout.api.ProviderRefundAcceptedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundAttemptStartedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundFailedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRequestedEvent;
import org.pledge.guarantee.payout.api.ProviderRefundRetryScheduledEvent;
import org.pledge.guarantee.payout.api.ProviderRefundSettledEvent;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code provider_refunds} read model, kept by {@link ProviderRefundProjection}: the persisted schedule of the
 * attempts to come ({@link #due}).
 */
@Repository
public class ProviderRefunds {

    static final String COLLECTION = "provider_refunds";
    /** The processing group of the projection that keeps it. */
    public static final String PROJECTION_GROUP = "provider-refund-schedule";

    private final MongoCollection<Document> documents;
    private final MongoCollection<ProviderRefundDocument> refunds;
    private final SequencedDocuments<ProviderRefundDocument> sequenced;

    public ProviderRefunds(MongoDatabaseFactory databases) {
        this.documents = databases.getMongoDatabase().getCollection(COLLECTION);
        this.refunds = documents.withDocumentClass(ProviderRefundDocument.class);
        documents.createIndex(Indexes.ascending("_id", ProviderRefundDocument.SEQ), new IndexOptions().unique(true));
        documents.createIndex(Indexes.ascending(ProviderRefundDocument.NEXT_CHECK_AT));
        this.sequenced = new SequencedDocuments<>(refunds, ProviderRefundDocument.SEQ, ProviderRefunds::refundOf);
    }

    static String refundOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof ProviderRefundRequestedEvent e) {
            return e.refundId();
        } else if (payload instanceof ProviderRefundAttemptStartedEvent e) {
            return e.refundId();
        } else if (payload instanceof ProviderRefundAcceptedEvent e) {
            return e.refundId();
        } else if (payload instanceof ProviderRefundRetryScheduledEvent e) {
            return e.refundId();
        } else if (payload instanceof ProviderRefundSettledEvent e) {
            return e.refundId();
        } else if (payload instanceof ProviderRefundFailedEvent e) {
            return e.refundId();
        }
        return null;
    }

    void apply(String refundId, long sequence, UnaryOperator<ProviderRefundDocument> change) {
        sequenced.apply(refundId, sequence, change);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    /** The ids of the refunds due to be looked at by {@code now}, the longest waiting first, at most {@code limit}. */
    public List<String> due(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        documents.find(Filters.lte(ProviderRefundDocument.NEXT_CHECK_AT, java.util.Date.from(now)))
                .projection(Projections.include("_id"))
                .sort(Sorts.ascending(ProviderRefundDocument.NEXT_CHECK_AT))
                .limit(limit)
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    public Optional<ProviderRefundDocument> find(String refundId) {
        return Optional.ofNullable(refunds.find(Filters.eq("_id", refundId)).first());
    }
}
