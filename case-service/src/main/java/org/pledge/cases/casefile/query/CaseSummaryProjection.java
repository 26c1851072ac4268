package org.pledge.cases.casefile.query;

import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.platform.security.ActorMetadata;
import org.springframework.stereotype.Component;

/** Keeps {@code case_summaries} from the case events; rebuilt by replaying the processing group. */
@Component
@ProcessingGroup(CaseSummaryProjection.GROUP)
class CaseSummaryProjection {

    static final String GROUP = "case-summaries";
    private final CaseSummaries summaries;

    CaseSummaryProjection(CaseSummaries summaries) {
        this.summaries = summaries;
    }

    @EventHandler
    void on(CaseSubmittedEvent e, @MetaDataValue(ActorMetadata.ACTOR) String actor) {
        Document doc = new Document("_id", e.caseId())
                .append("serviceType", e.serviceTypeCode())
                .append("channel", e.channel().name())
                .append("status", "SUBMITTED")
                .append("applicantReference", e.applicant().reference())
                .append("submittedAt", Date.from(e.submittedAt()))
                .append("receivedAt", Date.from(e.receivedAt()))
                .append("deadline", e.deadline() == null ? null : Date.from(e.deadline()))
                .append("atRiskAt", e.atRiskAt() == null ? null : Date.from(e.atRiskAt()))
                .append("submittedBy", actor);
        try {
            summaries.collection().insertOne(doc);
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
            summaries.collection().replaceOne(new Document("_id", e.caseId()), doc); // replay
        }
    }
}
