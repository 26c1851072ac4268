package org.pledge.cases.casefile.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.pledge.cases.casefile.api.CaseStatus;
import org.pledge.cases.casefile.api.Outcome;
import org.pledge.cases.casefile.api.SubmissionChannel;
import org.pledge.cases.casefile.api.WithdrawnBy;
import org.pledge.cases.sla.Pause;
import org.pledge.platform.readmodel.RecordFields;

/**
 * A {@code case_summaries} document exactly as stored (read and written by the driver's record codec): the field names
 * are the components' (constants below for queries and indexes), instants are BSON dates, enums their names, the
 * at-risk share its plain string, {@code lastSequence} an int64 (the projection sets it to the event's sequence number
 * with each change, and {@code SequencedDocuments} stores that number). Every component may
 * be missing (null) in a stored document: a follow-up link can be written before its case ({@code _id} and
 * {@link #followUpCaseIds} only), and documents projected before {@code owner} was recorded have none. The web layer
 * reads a {@link CaseSummary} ({@link #toSummary}), with those gaps filled.
 */
public record CaseSummaryDocument(@BsonId String caseId, String serviceType, SubmissionChannel channel, CaseStatus status,
                                  String applicantReference, Instant submittedAt, Instant receivedAt, Instant deadline,
                                  Instant atRiskAt, String submittedBy, String owner, String assignee, String serviceStandard,
                                  String atRiskShare, String calendarId, Integer calendarVersion, Boolean guaranteed,
                                  List<Pause> pauses, Instant pausedSince, String pauseReason, Boolean atRisk,
                                  Instant markedAtRiskAt, Boolean breached, Instant breachedAt, Instant resolvedAt,
                                  Outcome outcome, Boolean onTime, Integer latenessBusinessDays, Instant withdrawnAt,
                                  WithdrawnBy withdrawnBy, Instant reopenedAt, String previousCaseId, String followUpRequestId,
                                  List<String> followUpCaseIds, @BsonProperty("lastSequence") Long lastSequence) {

    private static final RecordFields FIELDS = RecordFields.of(CaseSummaryDocument.class);
    static final String ID = FIELDS.name("caseId");
    static final String SERVICE_TYPE = FIELDS.name("serviceType");
    static final String CHANNEL = FIELDS.name("channel");
    static final String STATUS = FIELDS.name("status");
    static final String SUBMITTED_AT = FIELDS.name("submittedAt");
    static final String RECEIVED_AT = FIELDS.name("receivedAt");
    static final String SUBMITTED_BY = FIELDS.name("submittedBy");
    static final String OWNER = FIELDS.name("owner");
    static final String CALENDAR_ID = FIELDS.name("calendarId");
    static final String CALENDAR_VERSION = FIELDS.name("calendarVersion");
    static final String AT_RISK = FIELDS.name("atRisk");
    static final String BREACHED = FIELDS.name("breached");
    static final String RESOLVED_AT = FIELDS.name("resolvedAt");
    static final String WITHDRAWN_AT = FIELDS.name("withdrawnAt");
    static final String APPLICANT_REFERENCE = FIELDS.name("applicantReference");
    static final String ON_TIME = FIELDS.name("onTime");
    /** The ids of the follow-up cases opened for a case: written at once by each follow-up's submission. */
    static final String FOLLOW_UP_CASE_IDS = FIELDS.name("followUpCaseIds");
    /** The sequence number of the case's last event the document includes. */
    static final String LAST_SEQUENCE = FIELDS.name("lastSequence");

    /** Whether the case itself was projected (not only a follow-up link written before it). */
    boolean submitted() {
        return lastSequence != null && status != null;
    }

    /** The summary the web layer reads: a document without {@code owner} belongs to its submitter (the owner then). */
    CaseSummary toSummary() {
        return new CaseSummary(caseId, serviceType, name(channel), name(status), applicantReference, submittedAt, receivedAt,
                deadline, atRiskAt, submittedBy, owner != null ? owner : submittedBy, assignee, serviceStandard, atRiskShare,
                calendarId, calendarVersion == null ? 0 : calendarVersion, Boolean.TRUE.equals(guaranteed),
                pauses == null ? List.of() : List.copyOf(pauses), pausedSince, pauseReason, Boolean.TRUE.equals(atRisk),
                markedAtRiskAt, Boolean.TRUE.equals(breached), breachedAt, resolvedAt, name(outcome), onTime,
                latenessBusinessDays, withdrawnAt, name(withdrawnBy), reopenedAt, previousCaseId, followUpRequestId,
                followUpCaseIds == null ? List.of() : List.copyOf(followUpCaseIds), lastSequence == null ? -1 : lastSequence);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    Draft draft() {
        return new Draft(this);
    }

    /** A changeable copy, for the projection's changes of one event: {@link #done} gives the new document. */
    static final class Draft {
        final String caseId;
        String serviceType;
        SubmissionChannel channel;
        CaseStatus status;
        String applicantReference;
        Instant submittedAt;
        Instant receivedAt;
        Instant deadline;
        Instant atRiskAt;
        String submittedBy;
        String owner;
        String assignee;
        String serviceStandard;
        String atRiskShare;
        String calendarId;
        Integer calendarVersion;
        Boolean guaranteed;
        List<Pause> pauses;
        Instant pausedSince;
        String pauseReason;
        Boolean atRisk;
        Instant markedAtRiskAt;
        Boolean breached;
        Instant breachedAt;
        Instant resolvedAt;
        Outcome outcome;
        Boolean onTime;
        Integer latenessBusinessDays;
        Instant withdrawnAt;
        WithdrawnBy withdrawnBy;
        Instant reopenedAt;
        String previousCaseId;
        String followUpRequestId;
        List<String> followUpCaseIds;
        Long lastSequence;

        private Draft(CaseSummaryDocument d) {
            caseId = d.caseId;
            serviceType = d.serviceType;
            channel = d.channel;
            status = d.status;
            applicantReference = d.applicantReference;
            submittedAt = d.submittedAt;
            receivedAt = d.receivedAt;
            deadline = d.deadline;
            atRiskAt = d.atRiskAt;
            submittedBy = d.submittedBy;
            owner = d.owner;
            assignee = d.assignee;
            serviceStandard = d.serviceStandard;
            atRiskShare = d.atRiskShare;
            calendarId = d.calendarId;
            calendarVersion = d.calendarVersion;
            guaranteed = d.guaranteed;
            pauses = d.pauses;
            pausedSince = d.pausedSince;
            pauseReason = d.pauseReason;
            atRisk = d.atRisk;
            markedAtRiskAt = d.markedAtRiskAt;
            breached = d.breached;
            breachedAt = d.breachedAt;
            resolvedAt = d.resolvedAt;
            outcome = d.outcome;
            onTime = d.onTime;
            latenessBusinessDays = d.latenessBusinessDays;
            withdrawnAt = d.withdrawnAt;
            withdrawnBy = d.withdrawnBy;
            reopenedAt = d.reopenedAt;
            previousCaseId = d.previousCaseId;
            followUpRequestId = d.followUpRequestId;
            followUpCaseIds = d.followUpCaseIds;
            lastSequence = d.lastSequence;
        }

        /** Closes the pause from {@code from} to {@code to}: no pause in progress after it. */
        void addPause(Instant from, Instant to) {
            List<Pause> closed = pauses == null ? new ArrayList<>() : new ArrayList<>(pauses);
            closed.add(new Pause(from, to));
            pauses = List.copyOf(closed);
            pausedSince = null;
            pauseReason = null;
        }

        /** Closes the pause in progress, if any, at {@code at}. */
        void closePause(Instant at) {
            if (pausedSince != null) {
                addPause(pausedSince, at);
            }
        }

        CaseSummaryDocument done() {
            return new CaseSummaryDocument(caseId, serviceType, channel, status, applicantReference, submittedAt, receivedAt,
                    deadline, atRiskAt, submittedBy, owner, assignee, serviceStandard, atRiskShare, calendarId, calendarVersion,
                    guaranteed, pauses, pausedSince, pauseReason, atRisk, markedAtRiskAt, breached, breachedAt, resolvedAt,
                    outcome, onTime, latenessBusinessDays, withdrawnAt, withdrawnBy, reopenedAt, previousCaseId,
                    followUpRequestId, followUpCaseIds, lastSequence);
        }
    }
}
