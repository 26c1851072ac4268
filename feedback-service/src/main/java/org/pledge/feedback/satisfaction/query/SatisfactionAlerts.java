package org.pledge.feedback.satisfaction.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.feedback.satisfaction.api.SatisfactionAlertRaisedEvent;
import org.pledge.feedback.satisfaction.api.SatisfactionRecoveredEvent;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;

/**
 * The {@code satisfaction_alerts} read model: one {@link AlertDocument} per alert, kept by
 * {@link SatisfactionAlertProjection} through {@link SequencedDocuments} (each event of the watch applied once).
 */
public class SatisfactionAlerts {

    static final String COLLECTION = "satisfaction_alerts";

    private final MongoCollection<AlertDocument> alerts;
    private final SequencedDocuments<AlertDocument> sequenced;

    public SatisfactionAlerts(MongoDatabase database) {
        MongoCollection<Document> raw = database.getCollection(COLLECTION);
        raw.createIndex(Indexes.ascending("_id", AlertDocument.SEQ), new IndexOptions().unique(true));
        raw.createIndex(Indexes.descending(AlertDocument.RAISED_AT));
        this.alerts = ReadModelCodecs.collection(raw, AlertDocument.class, ReadModelCodecs.bigDecimalAsString());
        this.sequenced = new SequencedDocuments<>(alerts, AlertDocument.SEQ, SatisfactionAlerts::alertOf);
    }

    static String alertOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof SatisfactionAlertRaisedEvent raised) {
            return raised.alertId();
        }
        return payload instanceof SatisfactionRecoveredEvent recovered ? recovered.alertId() : null;
    }

    void apply(String alertId, long sequence, UnaryOperator<AlertDocument> change) {
        sequenced.apply(alertId, sequence, change);
    }

    void deleteAll() {
        alerts.deleteMany(new Document());
    }

    /** The open alerts, newest first. */
    public List<AlertDocument> open() {
        return alerts.find(Filters.eq(AlertDocument.STATUS, AlertDocument.OPEN)).sort(Sorts.descending(AlertDocument.RAISED_AT))
                .into(new ArrayList<>());
    }

    /** The {@code limit} cleared alerts raised last, newest first. */
    public List<AlertDocument> recentlyCleared(int limit) {
        if (limit == 0) {
            return List.of();
        }
        return alerts.find(Filters.eq(AlertDocument.STATUS, AlertDocument.CLEARED)).sort(Sorts.descending(AlertDocument.RAISED_AT))
                .limit(limit).into(new ArrayList<>());
    }
}
