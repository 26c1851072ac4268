package org.pledge.feedback.survey.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.pledge.feedback.survey.api.InvitationStatus;
import org.pledge.feedback.survey.api.KnownCases;
import org.pledge.feedback.survey.api.SurveyInvitationEvent;
import org.pledge.feedback.survey.api.Timeliness;
import org.pledge.platform.privacy.DataSubjectErasures;
import org.pledge.platform.readmodel.SequencedDocuments;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code survey_invitations} read model: one {@link InvitationDocument} per case, kept by
 * {@link SurveyInvitationProjection} through {@link SequencedDocuments} (each event applied once, by the
 * invitation's sequence numbers). It answers {@link KnownCases}: what feedback-service knows of a case, its client's
 * reference left out once the client is erased.
 */
@Repository
public class SurveyInvitations implements KnownCases {

    static final String COLLECTION = "survey_invitations";
    private static final String INVITATION_ID = "invitationId";

    private final MongoCollection<Document> documents;
    private final MongoCollection<InvitationDocument> typed;
    private final SequencedDocuments<InvitationDocument> sequenced;
    private final DataSubjectErasures erasures;

    public SurveyInvitations(MongoDatabaseFactory databases, DataSubjectErasures erasures) {
        this.documents = databases.getMongoDatabase().getCollection(COLLECTION);
        this.erasures = erasures;
        // the compare-and-set of SequencedDocuments filters on exactly {_id, seq}
        documents.createIndex(Indexes.ascending("_id", InvitationDocument.SEQ), new IndexOptions().unique(true));
        // a link's token names the invitation, not the case
        documents.createIndex(Indexes.ascending(INVITATION_ID));
        this.typed = documents.withDocumentClass(InvitationDocument.class);
        this.sequenced = new SequencedDocuments<>(typed, InvitationDocument.SEQ, SurveyInvitations::caseOf);
    }

    /** The document an event of an invitation changes: its case's. */
    static String caseOf(EventMessage<?> event) {
        return event.getPayload() instanceof SurveyInvitationEvent e ? e.caseId() : null;
    }

    void apply(String caseId, long sequence, UnaryOperator<InvitationDocument> change) {
        sequenced.apply(caseId, sequence, change);
    }

    void deleteAll() {
        documents.deleteMany(new Document());
    }

    Optional<InvitationDocument> byInvitation(String invitationId) {
        return Optional.ofNullable(typed.find(Filters.eq(INVITATION_ID, invitationId)).first());
    }

    Optional<InvitationDocument> byCase(String caseId) {
        return Optional.ofNullable(typed.find(Filters.eq("_id", caseId)).first());
    }

    /**
     * The case as its invitation knows it; its timeliness {@code OPEN} until the client is invited (then
     * {@code ON_TIME} or {@code LATE}), and for a withdrawn case.
     */
    @Override
    public Optional<KnownCase> find(String caseId) {
        if (caseId == null) {
            return Optional.empty();
        }
        return byCase(caseId).map(d -> new KnownCase(d.caseId(), d.serviceType(), clientOf(d), d.language(),
                d.is(InvitationStatus.INVITED) || d.is(InvitationStatus.ANSWERED) ? Timeliness.valueOf(d.timeliness()) : Timeliness.OPEN));
    }

    /** The document's applicant reference, null when unknown or erased. */
    String clientOf(InvitationDocument document) {
        String reference = document.applicantReference();
        return reference == null || erasures.isErased(reference) ? null : reference;
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
