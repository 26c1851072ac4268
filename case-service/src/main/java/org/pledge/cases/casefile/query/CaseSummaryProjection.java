package org.pledge.cases.casefile.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
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
 * Keeps {@code case_summaries} from every case event; rebuilt by replaying the processing group (the reset
 * handler empties the collection).
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

    static final String GROUP = "case-summaries";
    private static final Logger log = LoggerFactory.getLogger(CaseSummaryProjection.class);
    private static final String LAST_SEQUENCE = "lastSequence";

    private final CaseSummaries summaries;

    CaseSummaryProjection(CaseSummaries summaries) {
        this.summaries = summaries;
    }

    @ResetHandler
    void reset() {
        summaries.collection().deleteMany(new Document());
    }

    @EventHandler
    void on(CaseSubmittedEvent e, @SequenceNumber long sequence, @MetaDataValue(ActorMetadata.ACTOR) String actor) {
        summaries.documents().apply(e.caseId(), sequence, existing -> {
            if (existing != null && existing.get(LAST_SEQUENCE) != null) {
                return null; // applied already
            }
            Document doc = existing == null ? new Document("_id", e.caseId()) : existing; // keeps follow-up links written first
            return doc.append("serviceType", e.serviceTypeCode())
                    .append("channel", e.channel().name())
                    .append("status", CaseStatus.SUBMITTED.name())
                    .append("applicantReference", e.applicant() == null ? null : e.applicant().reference())
                    .append("submittedAt", date(e.submittedAt()))
                    .append("receivedAt", date(e.receivedAt()))
                    .append("deadline", date(e.deadline()))
                    .append("atRiskAt", date(e.atRiskAt()))
                    .append("submittedBy", actor)
                    .append("owner", e.ownerGiven(actor))
                    .append("serviceStandard", e.serviceStandard())
                    .append("atRiskShare", e.atRiskShare() == null ? null : e.atRiskShare().toPlainString())
                    .append("calendarId", e.calendarId())
                    .append("calendarVersion", e.calendarVersion())
                    .append("guaranteed", e.guaranteed())
                    .append("pauses", new ArrayList<Document>())
                    .append("atRisk", false)
                    .append("breached", false)
                    .append("previousCaseId", e.previousCaseId())
                    .append("followUpRequestId", e.followUpRequestId());
        });
        if (e.previousCaseId() != null) {
            // the earlier case links to its follow-up: an atomic $addToSet (its document may be written by another
            // segment at the same moment; those writes leave the field alone), mirrored into this batch's copy
            summaries.documents().updateAtOnce(e.previousCaseId(),
                    Updates.addToSet(CaseSummaries.FOLLOW_UP_CASE_IDS, e.caseId()), earlier -> {
                List<String> links = new ArrayList<>(
                        earlier.getList(CaseSummaries.FOLLOW_UP_CASE_IDS, String.class, List.of()));
                if (!links.contains(e.caseId())) {
                    links.add(e.caseId());
                }
                return earlier.append(CaseSummaries.FOLLOW_UP_CASE_IDS, links);
            });
        }
    }

    @EventHandler
    void on(CaseAssignedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.put("assignee", e.assignee());
            if (CaseStatus.SUBMITTED.name().equals(d.getString("status"))) {
                d.put("status", CaseStatus.ASSIGNED.name());
            }
        });
    }

    @EventHandler
    void on(CaseWorkStartedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> d.put("status", CaseStatus.IN_PROGRESS.name()));
    }

    @EventHandler
    void on(InformationRequestedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.put("status", CaseStatus.AWAITING_INFORMATION.name());
            d.put("pausedSince", date(e.requestedAt()));
            d.put("pauseReason", e.reasonCode());
        });
    }

    @EventHandler
    void on(InformationReceivedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            addPause(d, e.pausedSince(), e.receivedAt());
            d.put("status", CaseStatus.IN_PROGRESS.name());
            d.put("deadline", date(e.deadline()));
            d.put("atRiskAt", date(e.atRiskAt()));
        });
    }

    @EventHandler
    void on(CaseMarkedAtRiskEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.put("atRisk", true);
            d.put("markedAtRiskAt", date(e.markedAt()));
        });
    }

    @EventHandler
    void on(ServiceStandardBreachedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.put("breached", true);
            d.put("breachedAt", date(e.markedAt()));
            d.put("deadline", date(e.deadline()));
        });
    }

    @EventHandler
    void on(CaseResolvedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            closePause(d, e.resolvedAt());
            d.put("status", CaseStatus.RESOLVED.name());
            d.put("resolvedAt", date(e.resolvedAt()));
            d.put("outcome", e.outcome().name());
            d.put("onTime", e.onTime());
            d.put("latenessBusinessDays", e.latenessInBusinessDays());
            d.put("deadline", date(e.deadline()));
        });
    }

    @EventHandler
    void on(CaseWithdrawnEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            closePause(d, e.withdrawnAt());
            d.put("status", CaseStatus.WITHDRAWN.name());
            d.put("withdrawnAt", date(e.withdrawnAt()));
            d.put("withdrawnBy", e.withdrawnBy().name());
        });
    }

    @EventHandler
    void on(CaseReopenedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            addPause(d, e.resolvedAt(), e.reopenedAt());
            d.put("status", CaseStatus.IN_PROGRESS.name());
            d.put("reopenedAt", date(e.reopenedAt()));
            d.put("resolvedAt", null);
            d.put("outcome", null);
            d.put("onTime", null);
            d.put("latenessBusinessDays", null);
            d.put("deadline", date(e.deadline()));
            d.put("atRiskAt", date(e.atRiskAt()));
        });
    }

    @EventHandler
    void on(DeadlineRecalculatedEvent e, @SequenceNumber long sequence) {
        change(e.caseId(), sequence, d -> {
            d.put("calendarId", e.calendarId());
            d.put("calendarVersion", e.calendarVersion());
            d.put("deadline", date(e.deadline()));
            d.put("atRiskAt", date(e.atRiskAt()));
        });
    }

    /** Applies one event to the case's document unless it was applied already (see {@link CaseSummaries#documents()}). */
    private void change(String caseId, long sequence, Consumer<Document> change) {
        summaries.documents().apply(caseId, sequence, doc -> {
            if (doc == null || doc.get(LAST_SEQUENCE) == null) {
                // cannot happen in order (a case's events share a segment and CaseSubmittedEvent comes first)
                log.warn("case_summaries: no case {} for event #{}; skipped", caseId, sequence);
                return null;
            }
            change.accept(doc);
            return doc;
        });
    }

    private static void addPause(Document d, Instant from, Instant to) {
        List<Document> pauses = new ArrayList<>(d.getList("pauses", Document.class, List.of()));
        pauses.add(new Document("from", date(from)).append("to", date(to)));
        d.put("pauses", pauses);
        d.put("pausedSince", null);
        d.put("pauseReason", null);
    }

    private static void closePause(Document d, Instant at) {
        Date since = d.getDate("pausedSince");
        if (since != null) {
            addPause(d, since.toInstant(), at);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
