package org.pledge.cases.casefile.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.BsonDocument;
import org.pledge.cases.casefile.api.CaseAssignedEvent;
import org.pledge.cases.casefile.api.CaseMarkedAtRiskEvent;
import org.pledge.cases.casefile.api.CaseReopenedEvent;
import org.pledge.cases.casefile.api.CaseResolvedEvent;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.CaseSubmittedEvent;
import org.pledge.cases.casefile.api.CaseWithdrawnEvent;
import org.pledge.cases.casefile.api.CaseWorkStartedEvent;
import org.pledge.cases.casefile.api.DeadlineRecalculatedEvent;
import org.pledge.cases.casefile.api.InformationReceivedEvent;
import org.pledge.cases.casefile.api.InformationRequestedEvent;
import org.pledge.cases.casefile.api.ServiceStandardBreachedEvent;
import org.pledge.platform.security.ActorMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_summaries} ({@link CaseSummaryDocument}) from every case event; rebuilt by replaying the processing
 * group (the reset handler empties the collection).
 *
 * <p>Idempotent: each document remembers the sequence number of the last event applied ({@code lastSequence});
 * an event at or below it (a redelivery after a crash before the token was stored) changes nothing. The documents of
 * a batch of events are read with one query and written with one bulk write, each a compare-and-set on the
 * {@code lastSequence} read ({@link org.pledge.platform.readmodel.SequencedDocuments}), so no update needs
 * transactions or pipeline updates (neither exists on mongo-java-server).
 */
@Component
@ProcessingGroup(CaseSummaryProjection.GROUP)
class CaseSummaryProjection {

    static final String GROUP = CaseSummaries.PROCESSING_GROUP;
    private static final Logger log = LoggerFactory.getLogger(CaseSummaryProjection.class);

    private final CaseSummaries summaries;

    CaseSummaryProjection(CaseSummaries summaries) {
        this.summaries = summaries;
    }

    @ResetHandler
    void reset() {
        summaries.collection().deleteMany(new BsonDocument());
    }

    @EventHandler
    void on(CaseSubmittedEvent e, @SequenceNumber long sequence, @MetaDataValue(ActorMetadata.ACTOR) String actor) {
        summaries.documents().apply(e.caseId(), sequence, existing -> {
            if (existing != null && existing.submitted()) {
                return null; // applied already
            }
            // keeps follow-up links written first
            List<String> followUps = existing == null ? null : existing.followUpCaseIds();
            return new CaseSummaryDocument(e.caseId(), e.serviceTypeCode(), e.channel(), CaseStatus.SUBMITTED,
                    e.applicant() == null ? null : e.applicant().reference(), e.submittedAt(), e.receivedAt(), e.deadline(),
                    e.atRiskAt(), actor, e.ownerGiven(actor), null, e.serviceStandard(),
                    e.atRiskShare() == null ? null : e.atRiskShare().toPlainString(), e.calendarId(), e.calendarVersion(),
                    e.guaranteed(), List.of(), null, null, false, null, false, null, null, null, null, null, null, null, null,
                    e.previousCaseId(), e.followUpRequestId(), followUps, sequence);
        });
        if (e.previousCaseId() != null) {
            // the earlier case links to its follow-up: an atomic $addToSet (its document may be written by another
            // segment at the same moment; those writes leave the field alone), mirrored into this batch's copy
            summaries.documents().updateAtOnce(e.previousCaseId(),
                    Updates.addToSet(CaseSummaryDocument.FOLLOW_UP_CASE_IDS, e.caseId()), earlier -> {
                CaseSummaryDocument.Draft d = earlier.draft();
                List<String> links = d.followUpCaseIds == null ? new ArrayList<>() : new ArrayList<>(d.followUpCaseIds);
                if (!links.contains(e.caseId())) {
                    links.add(e.caseId());
                }
                d.followUpCaseIds = List.copyOf(links);
                return d.done();
            });
        }
    }

    @EventHandler
    void on(CaseAssignedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.assignee = e.assignee();
            if (d.status == CaseStatus.SUBMITTED) {
                d.status = CaseStatus.ASSIGNED;
            }
        });
    }

    @EventHandler
    void on(CaseWorkStartedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> d.status = CaseStatus.IN_PROGRESS);
    }

    @EventHandler
    void on(InformationRequestedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.status = CaseStatus.AWAITING_INFORMATION;
            d.pausedSince = e.requestedAt();
            d.pauseReason = e.reasonCode();
        });
    }

    @EventHandler
    void on(InformationReceivedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.addPause(e.pausedSince(), e.receivedAt());
            d.status = CaseStatus.IN_PROGRESS;
            d.deadline = e.deadline();
            d.atRiskAt = e.atRiskAt();
        });
    }

    @EventHandler
    void on(CaseMarkedAtRiskEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.atRisk = true;
            d.markedAtRiskAt = e.markedAt();
        });
    }

    @EventHandler
    void on(ServiceStandardBreachedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.breached = true;
            d.breachedAt = e.markedAt();
            d.deadline = e.deadline();
        });
    }

    @EventHandler
    void on(CaseResolvedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.closePause(e.resolvedAt());
            d.status = CaseStatus.RESOLVED;
            d.resolvedAt = e.resolvedAt();
            d.outcome = e.outcome();
            d.onTime = e.onTime();
            d.latenessBusinessDays = e.latenessInBusinessDays();
            d.deadline = e.deadline();
        });
    }

    @EventHandler
    void on(CaseWithdrawnEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.closePause(e.withdrawnAt());
            d.status = CaseStatus.WITHDRAWN;
            d.withdrawnAt = e.withdrawnAt();
            d.withdrawnBy = e.withdrawnBy();
        });
    }

    @EventHandler
    void on(CaseReopenedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.addPause(e.resolvedAt(), e.reopenedAt());
            d.status = CaseStatus.IN_PROGRESS;
            d.reopenedAt = e.reopenedAt();
            d.resolvedAt = null;
            d.outcome = null;
            d.onTime = null;
            d.latenessBusinessDays = null;
            d.deadline = e.deadline();
            d.atRiskAt = e.atRiskAt();
        });
    }

    @EventHandler
    void on(DeadlineRecalculatedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.calendarId = e.calendarId();
            d.calendarVersion = e.calendarVersion();
            d.deadline = e.deadline();
            d.atRiskAt = e.atRiskAt();
        });
    }

    /** Applies one event to the case's document unless it was applied already (see {@link CaseSummaries#documents()}). */
    private void change(String caseId, long sequence, Consumer<CaseSummaryDocument.Draft> change) {
        summaries.documents().apply(caseId, sequence, doc -> {
            if (doc == null || !doc.submitted()) {
                // cannot happen in order (a case's events share a segment and CaseSubmittedEvent comes first)
                log.warn("case_summaries: no case {} for event #{}; skipped", caseId, sequence);
                return null;
            }
            CaseSummaryDocument.Draft draft = doc.draft();
            change.accept(draft);
            draft.lastSequence = sequence;
            return draft.done();
        });
    }
}
