package org.pledge.guarantee.circumstance.query;

import java.time.Duration;
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
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.guarantee.circumstance.api.CircumstanceDeclaredEvent;
import org.pledge.guarantee.claim.api.ClaimReevaluatedEvent;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The circumstances read model: {@code exceptional_circumstances} (one {@link CircumstanceDocument} per circumstance,
 * through {@link SequencedDocuments}) and {@code circumstance_changes} (one {@link CircumstanceChange} per claim a
 * circumstance changed, {@code _id} = circumstance and claim, written by idempotent upserts), kept by
 * {@link CircumstanceProjection}.
 */
@Repository
public class ExceptionalCircumstances {

    static final String CIRCUMSTANCES = "exceptional_circumstances";
    static final String CHANGES = "circumstance_changes";

    private final MongoCollection<Document> circumstanceDocuments;
    private final MongoCollection<CircumstanceDocument> circumstances;
    private final MongoCollection<Document> changes;
    private final SequencedDocuments<CircumstanceDocument> sequenced;

    public ExceptionalCircumstances(MongoDatabaseFactory databases) {
        this.circumstanceDocuments = databases.getMongoDatabase().getCollection(CIRCUMSTANCES);
        this.circumstances = ReadModelCodecs.collection(circumstanceDocuments, CircumstanceDocument.class, ReadModelCodecs.localDateAsString());
        this.changes = databases.getMongoDatabase().getCollection(CHANGES);
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        circumstanceDocuments.createIndex(Indexes.ascending("_id", CircumstanceDocument.SEQ), new IndexOptions().unique(true));
        circumstanceDocuments.createIndex(Indexes.descending("declaredAt"));
        changes.createIndex(Indexes.ascending("circumstanceId", "caseId"));
        this.sequenced = new SequencedDocuments<>(circumstances, CircumstanceDocument.SEQ,
                event -> event.getPayload() instanceof CircumstanceDeclaredEvent e ? e.circumstanceId() : null);
    }

    void apply(String circumstanceId, long sequence, UnaryOperator<CircumstanceDocument> change) {
        sequenced.apply(circumstanceId, sequence, change);
    }

    void changed(ClaimReevaluatedEvent event) {
        Money previous = event.previousAmount();
        Money next = event.newAmount();
        String currency = previous != null ? previous.currency() : next != null ? next.currency() : null;
        changes.updateOne(Filters.eq("_id", changeId(event.circumstanceId(), event.claimId())), Updates.combine(
                Updates.set("circumstanceId", event.circumstanceId()), Updates.set("claimId", event.claimId()),
                Updates.set("caseId", event.caseId()), Updates.set("adjustment", event.adjustment().name()),
                Updates.set("businessDays", event.businessDays()),
                Updates.set("previousAmount", previous == null ? null : previous.amount().toPlainString()),
                Updates.set("newAmount", next == null ? null : next.amount().toPlainString()), Updates.set("currency", currency),
                Updates.set("at", Date.from(event.at())), Updates.setOnInsert("closed", false)), new UpdateOptions().upsert(true));
    }

    /** The claim closed because the circumstance excludes it. */
    void closedBy(String circumstanceId, String claimId) {
        changes.updateOne(Filters.eq("_id", changeId(circumstanceId, claimId)), Updates.combine(Updates.set("closed", true),
                Updates.set("circumstanceId", circumstanceId), Updates.set("claimId", claimId)), new UpdateOptions().upsert(true));
    }

    void deleteAll() {
        circumstanceDocuments.deleteMany(new Document());
        changes.deleteMany(new Document());
    }

    private static String changeId(String circumstanceId, String claimId) {
        return circumstanceId + ":" + claimId;
    }

    /** Page {@code page} (from 0) of {@code size} circumstances, the latest declared first. */
    public List<CircumstanceDocument> page(int page, int size) {
        return circumstances.find().sort(Sorts.orderBy(Sorts.descending("declaredAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size).into(new ArrayList<>());
    }

    public long count() {
        return circumstanceDocuments.countDocuments();
    }

    public Optional<CircumstanceDocument> find(String circumstanceId) {
        return Optional.ofNullable(circumstances.find(Filters.eq("_id", circumstanceId)).first());
    }

    /** Page {@code page} (from 0) of {@code size} of the claims the circumstance changed, by case id. */
    public List<CircumstanceChange> changes(String circumstanceId, int page, int size) {
        List<CircumstanceChange> found = new ArrayList<>();
        for (Document d : changes.find(Filters.eq("circumstanceId", circumstanceId)).sort(Sorts.ascending("caseId", "claimId"))
                .skip(page * size).limit(size)) {
            Date at = d.getDate("at");
            found.add(new CircumstanceChange(d.getString("circumstanceId"), d.getString("claimId"), d.getString("caseId"),
                    d.getString("adjustment"), d.getInteger("businessDays", 0), d.getString("previousAmount"), d.getString("newAmount"),
                    d.getString("currency"), d.getBoolean("closed", false), at == null ? null : at.toInstant()));
        }
        return found;
    }

    public long changeCount(String circumstanceId) {
        return changes.countDocuments(Filters.eq("circumstanceId", circumstanceId));
    }

    /** Read-your-writes: waits until the circumstance's document holds {@code sequence}, at most {@code timeout}. */
    public boolean awaitSequence(String circumstanceId, long sequence, Duration timeout, Duration pollInterval) {
        return sequenced.awaitSequence(circumstanceId, sequence, timeout, pollInterval);
    }
}
