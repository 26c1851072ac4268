package org.pledge.guarantee.claim.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;
import org.pledge.platform.readmodel.RecordFields;

/**
 * One claim in {@code guarantee_claims}, by claim id (read and written through the driver's record codec: these
 * components are the field names). Amounts are decimal strings. It holds no personal data: of the payout account only
 * whether one was given ({@code payoutDetailsPresent}), of the fee's payment only whether it has a reference.
 *
 * @param status          a {@link org.pledge.guarantee.claim.api.ClaimStatus} name
 * @param amount          the refund decided, null until decided
 * @param approvals       the approvals of the current round
 * @param history         every step of the claim, oldest first
 * @param seq             the sequence number of the claim's last event applied (set by {@link SequencedDocuments})
 */
public record ClaimDocument(@BsonId String claimId, String caseId, String serviceType, String status, String feeAmount,
                            String feeCurrency, Boolean paymentReferencePresent, Instant submittedAt, Instant deadline,
                            Instant breachedAt, String outcome, String reasonCode, Integer latenessBusinessDays, Instant resolvedAt,
                            Integer countedLateness, String percent, String amount, String currency, Integer policyVersion,
                            Integer approvalsRequired, Boolean reviewRequired, List<Approval> approvals, String refundId,
                            String refundMethod, Boolean payoutDetailsPresent, String paymentId, String closureReason,
                            String failureReason, String rejectionReason, List<String> circumstances, Instant decidedAt,
                            Instant paidAt, List<Step> history, long seq) {

    static final RecordFields FIELDS = RecordFields.of(ClaimDocument.class);
    static final String SEQ = "seq";

    /** One finance user's approval. */
    public record Approval(String by, Instant at) {
    }

    /**
     * One step of the claim's history.
     *
     * @param actor who did it: a finance user, an admin, the channel, {@code case-service} (a case event),
     *              {@code guarantee-service} (an automatic step) or {@code payments} (a payment outcome)
     * @param what  the step, e.g. {@code opened}, {@code decided}, {@code approval-given}, {@code refund-paid}
     * @param detail a short description without personal data
     */
    public record Step(Instant at, String actor, String what, String detail) {
    }

    static ClaimDocument empty(String claimId, String caseId) {
        return new ClaimDocument(claimId, caseId, null, "WATCHING", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, List.of(), null, null, null, null, null, null, null, List.of(), null, null, List.of(), -1);
    }

    /** A copy to change, with its lists copied. */
    Builder change() {
        return new Builder(this);
    }

    /** Changes a document component by component. */
    static final class Builder {
        String claimId;
        String caseId;
        String serviceType;
        String status;
        String feeAmount;
        String feeCurrency;
        Boolean paymentReferencePresent;
        Instant submittedAt;
        Instant deadline;
        Instant breachedAt;
        String outcome;
        String reasonCode;
        Integer latenessBusinessDays;
        Instant resolvedAt;
        Integer countedLateness;
        String percent;
        String amount;
        String currency;
        Integer policyVersion;
        Integer approvalsRequired;
        Boolean reviewRequired;
        List<Approval> approvals;
        String refundId;
        String refundMethod;
        Boolean payoutDetailsPresent;
        String paymentId;
        String closureReason;
        String failureReason;
        String rejectionReason;
        List<String> circumstances;
        Instant decidedAt;
        Instant paidAt;
        List<Step> history;

        Builder(ClaimDocument d) {
            claimId = d.claimId;
            caseId = d.caseId;
            serviceType = d.serviceType;
            status = d.status;
            feeAmount = d.feeAmount;
            feeCurrency = d.feeCurrency;
            paymentReferencePresent = d.paymentReferencePresent;
            submittedAt = d.submittedAt;
            deadline = d.deadline;
            breachedAt = d.breachedAt;
            outcome = d.outcome;
            reasonCode = d.reasonCode;
            latenessBusinessDays = d.latenessBusinessDays;
            resolvedAt = d.resolvedAt;
            countedLateness = d.countedLateness;
            percent = d.percent;
            amount = d.amount;
            currency = d.currency;
            policyVersion = d.policyVersion;
            approvalsRequired = d.approvalsRequired;
            reviewRequired = d.reviewRequired;
            approvals = new ArrayList<>(d.approvals == null ? List.of() : d.approvals);
            refundId = d.refundId;
            refundMethod = d.refundMethod;
            payoutDetailsPresent = d.payoutDetailsPresent;
            paymentId = d.paymentId;
            closureReason = d.closureReason;
            failureReason = d.failureReason;
            rejectionReason = d.rejectionReason;
            circumstances = new ArrayList<>(d.circumstances == null ? List.of() : d.circumstances);
            decidedAt = d.decidedAt;
            paidAt = d.paidAt;
            history = new ArrayList<>(d.history == null ? List.of() : d.history);
        }

        Builder step(Instant at, String actor, String what, String detail) {
            history.add(new Step(at, actor, what, detail));
            return this;
        }

        ClaimDocument build(long sequence) {
            return new ClaimDocument(claimId, caseId, serviceType, status, feeAmount, feeCurrency, paymentReferencePresent, submittedAt,
                    deadline, breachedAt, outcome, reasonCode, latenessBusinessDays, resolvedAt, countedLateness, percent, amount, currency,
                    policyVersion, approvalsRequired, reviewRequired, List.copyOf(approvals), refundId, refundMethod, payoutDetailsPresent,
                    paymentId, closureReason, failureReason, rejectionReason, List.copyOf(circumstances), decidedAt, paidAt,
                    List.copyOf(history), sequence);
        }
    }
}
