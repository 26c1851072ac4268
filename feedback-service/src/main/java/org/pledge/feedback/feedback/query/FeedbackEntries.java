package org.pledge.feedback.feedback.query;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.feedback.feedback.api.FeedbackReceivedEvent;
import org.pledge.feedback.feedback.api.FollowUpRequestedEvent;
import org.pledge.platform.api.PersonalData;
import org.pledge.platform.privacy.PersonalDataCipher;
import org.pledge.platform.privacy.PersonalDataHolder;
import org.pledge.platform.readmodel.ReadModelCodecs;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code feedback} read model: one {@link FeedbackDocument} per answer, kept by {@link FeedbackProjection} through
 * {@link SequencedDocuments}. Comments are stored encrypted under their subject's key and revealed on reading; a
 * {@link PersonalDataHolder}: on the subject's erasure its comments become {@code [erased]}.
 */
@Repository
public class FeedbackEntries implements PersonalDataHolder {

    static final String COLLECTION = "feedback";

    private final MongoCollection<FeedbackDocument> documents;
    private final SequencedDocuments<FeedbackDocument> sequenced;
    private final PersonalDataCipher cipher;

    public FeedbackEntries(MongoDatabaseFactory databases, PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.documents = ReadModelCodecs.collection(databases.getMongoDatabase(), COLLECTION, FeedbackDocument.class);
        documents.createIndex(Indexes.ascending("_id", FeedbackDocument.SEQ), new IndexOptions().unique(true));
        documents.createIndex(Indexes.ascending(FeedbackDocument.CASE_ID, FeedbackDocument.RECEIVED_AT));
        documents.createIndex(Indexes.ascending(FeedbackDocument.SUBJECT_REF));
        this.sequenced = new SequencedDocuments<>(documents, FeedbackDocument.SEQ, FeedbackEntries::feedbackOf);
    }

    static String feedbackOf(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof FeedbackReceivedEvent received) {
            return received.feedbackId();
        }
        return payload instanceof FollowUpRequestedEvent followUp ? followUp.feedbackId() : null;
    }

    void apply(String feedbackId, long sequence, UnaryOperator<FeedbackDocument> change) {
        sequenced.apply(feedbackId, sequence, change);
    }

    String protect(String subjectRef, String comment) {
        return comment == null || PersonalData.ERASED.equals(comment) ? comment : cipher.protect(subjectRef, comment);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    /** The answer, its comment revealed. */
    public Optional<FeedbackDocument> find(String feedbackId) {
        return Optional.ofNullable(documents.find(Filters.eq("_id", feedbackId)).first()).map(this::revealed);
    }

    /** A page of the case's answers, newest first, comments revealed. */
    public List<FeedbackDocument> page(String caseId, int page, int size) {
        return documents.find(Filters.eq(FeedbackDocument.CASE_ID, caseId))
                .sort(Sorts.orderBy(Sorts.descending(FeedbackDocument.RECEIVED_AT), Sorts.ascending("_id")))
                .skip(page * size).limit(size).map(this::revealed).into(new java.util.ArrayList<>());
    }

    public long count(String caseId) {
        return documents.countDocuments(Filters.eq(FeedbackDocument.CASE_ID, caseId));
    }

    private FeedbackDocument revealed(FeedbackDocument stored) {
        return stored.comment() == null ? stored : stored.withComment(cipher.reveal(stored.comment()));
    }

    @Override
    public void erase(String subjectRef) {
        documents.updateMany(Filters.and(Filters.eq(FeedbackDocument.SUBJECT_REF, subjectRef), Filters.ne(FeedbackDocument.COMMENT, null)),
                Updates.set(FeedbackDocument.COMMENT, PersonalData.ERASED));
    }
}
