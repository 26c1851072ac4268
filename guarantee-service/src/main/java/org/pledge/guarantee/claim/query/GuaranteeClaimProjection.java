package org.pledge.guarantee.claim.query;

import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pledge.guarantee.claim.api.CaseReopenedNotedEvent;
import org.pledge.guarantee.claim.api.CaseResolutionNotedEvent;
import org.pledge.guarantee.claim.api.CaseWithdrawalNotedEvent;
import org.pledge.guarantee.claim.api.ClaimApprovalGivenEvent;
import org.pledge.guarantee.claim.api.ClaimClosedEvent;
import org.pledge.guarantee.claim.api.ClaimDecidedEvent;
import org.pledge.guarantee.claim.api.ClaimOpenedEvent;
import org.pledge.guarantee.claim.api.ClaimPolicyAppliedEvent;
import org.pledge.guarantee.claim.api.ClaimReevaluatedEvent;
import org.pledge.guarantee.claim.api.ClaimSentToReviewEvent;
import org.pledge.guarantee.claim.api.ClaimStatus;
import org.pledge.guarantee.claim.api.GuaranteedFeeRecordedEvent;
import org.pledge.guarantee.claim.api.PayoutDetailsRecordedEvent;
import org.pledge.guarantee.claim.api.RefundApprovedEvent;
import org.pledge.guarantee.claim.api.RefundFailedEvent;
import org.pledge.guarantee.claim.api.RefundInstructedEvent;
import org.pledge.guarantee.claim.api.RefundPaidEvent;
import org.pledge.guarantee.claim.api.RefundRejectedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link GuaranteeClaims} in step with the claims' own events (and nothing else): status, amounts, lateness,
 * policy version, approvals, refund, and a history step per event. Idempotent by the claim's sequence numbers, so a
 * replay rebuilds it. Keeps no personal data: an account given is shown only as present.
 */
@Component
@ProcessingGroup(GuaranteeClaimProjection.GROUP)
class GuaranteeClaimProjection {

    static final String GROUP = "guarantee-claims";
    static final String CASE_SERVICE = "case-service";
    static final String AUTOMATIC = "guarantee-service";
    static final String PAYMENTS = "payments";

    private final GuaranteeClaims claims;

    GuaranteeClaimProjection(GuaranteeClaims claims) {
        this.claims = claims;
    }

    private void change(String claimId, String caseId, long sequence, Consumer<ClaimDocument.Builder> change) {
        claims.apply(claimId, sequence, current -> {
            ClaimDocument.Builder builder = (current == null ? ClaimDocument.empty(claimId, caseId) : current).change();
            change.accept(builder);
            return builder.build(sequence);
        });
    }

    @EventHandler
    void on(GuaranteedFeeRecordedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.serviceType = d.serviceType == null ? e.serviceType() : d.serviceType;
            if (d.breachedAt == null && e.feePaid() != null) {
                d.feeAmount = e.feePaid().amount().toPlainString();
                d.feeCurrency = e.feePaid().currency();
            }
            d.paymentReferencePresent = Boolean.TRUE.equals(d.paymentReferencePresent) || e.paymentReference() != null;
            d.submittedAt = e.submittedAt();
            d.step(e.submittedAt(), CASE_SERVICE, "fee-recorded", e.feePaid() == null ? "no fee paid"
                    : "fee " + e.feePaid().amount().toPlainString() + " " + e.feePaid().currency()
                    + (e.paymentReference() == null ? "" : ", with a payment reference"));
        });
    }

    @EventHandler
    void on(ClaimPolicyAppliedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.policyVersion = e.policy().version();
            d.step(e.at(), AUTOMATIC, "policy-applied", "policy " + e.policy().serviceType() + " version " + e.policy().version());
        });
    }

    @EventHandler
    void on(ClaimOpenedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.serviceType = e.serviceType();
            d.status = ClaimStatus.OPEN.name();
            d.deadline = e.deadline();
            d.breachedAt = e.breachedAt();
            d.feeAmount = e.fee().amount().toPlainString();
            d.feeCurrency = e.fee().currency();
            d.paymentReferencePresent = e.paymentReference() != null;
            d.policyVersion = e.policyVersion();
            d.step(e.breachedAt(), CASE_SERVICE, "opened", "the guaranteed standard was missed (deadline " + e.deadline() + ")");
        });
    }

    @EventHandler
    void on(CaseResolutionNotedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.outcome = e.outcome();
            d.reasonCode = e.reasonCode();
            d.latenessBusinessDays = e.latenessBusinessDays();
            d.resolvedAt = e.resolvedAt();
            d.step(e.resolvedAt(), CASE_SERVICE, "case-resolved", e.outcome() + (e.reasonCode() == null ? "" : " (" + e.reasonCode() + ")")
                    + ", " + e.latenessBusinessDays() + " business day(s) late");
        });
    }

    @EventHandler
    void on(CaseWithdrawalNotedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> d.step(e.withdrawnAt(), CASE_SERVICE, "case-withdrawn", "the case was withdrawn"));
    }

    @EventHandler
    void on(CaseReopenedNotedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> d.step(e.reopenedAt(), CASE_SERVICE, "case-reopened",
                "the case was reopened: the claim stands as it is"));
    }

    @EventHandler
    void on(ClaimSentToReviewEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.reviewRequired = true;
            if (ClaimStatus.AWAITING_PAYOUT_DETAILS.name().equals(d.status)) {
                d.status = ClaimStatus.AWAITING_APPROVAL.name();
                d.approvals.clear();
                d.approvalsRequired = Math.max(1, d.approvalsRequired == null ? 0 : d.approvalsRequired);
            }
            d.step(e.at(), CASE_SERVICE, "sent-to-review", "the deadline was recalculated to " + e.deadline()
                    + ", which would have avoided the breach: finance must review");
        });
    }

    @EventHandler
    void on(ClaimReevaluatedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.circumstances.add(e.circumstanceId());
            if (e.newAmount() != null) {
                d.amount = e.newAmount().amount().toPlainString();
            }
            String what = switch (e.adjustment()) {
                case EXCLUDE -> "excluded";
                case SUBTRACT_BUSINESS_DAYS -> e.businessDays() + " business day(s) subtracted";
            };
            d.step(e.at(), e.declaredBy(), "reevaluated", "exceptional circumstance " + e.circumstanceId() + ": " + what
                    + (e.newAmount() == null ? "" : ", " + e.previousAmount().amount().toPlainString() + " → "
                    + e.newAmount().amount().toPlainString()));
        });
    }

    @EventHandler
    void on(ClaimDecidedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.status = ClaimStatus.AWAITING_APPROVAL.name();
            d.latenessBusinessDays = e.latenessBusinessDays();
            d.countedLateness = e.countedLateness();
            d.percent = e.percent().toPlainString();
            d.amount = e.amount().amount().toPlainString();
            d.currency = e.amount().currency();
            d.policyVersion = e.policyVersion();
            d.approvalsRequired = e.approvalsRequired();
            d.reviewRequired = e.reviewRequired();
            d.approvals.clear();
            d.decidedAt = e.decidedAt();
            d.step(e.decidedAt(), AUTOMATIC, "decided", e.percent().toPlainString() + " % of the fee for " + e.countedLateness()
                    + " business day(s): " + d.amount + " " + d.currency + " under policy version " + e.policyVersion() + "; "
                    + (e.approvalsRequired() == 0 ? "approved automatically" : e.approvalsRequired() + " approval(s) needed"));
        });
    }

    @EventHandler
    void on(ClaimApprovalGivenEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.approvals.add(new ClaimDocument.Approval(e.approver(), e.at()));
            d.step(e.at(), e.approver(), "approval-given", "approval " + e.approvalsGiven() + " of " + e.approvalsRequired());
        });
    }

    @EventHandler
    void on(RefundApprovedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.status = ClaimStatus.AWAITING_PAYOUT_DETAILS.name();
            d.refundId = e.refundId();
            d.refundMethod = e.method().name();
            d.failureReason = null;
            d.step(e.approvedAt(), e.automatic() ? AUTOMATIC : String.join(",", e.approvers()), "refund-approved",
                    "refund " + e.refundId() + " of " + e.amount().amount().toPlainString() + " " + e.amount().currency() + " by "
                            + e.method() + (e.automatic() ? " (automatically)" : ""));
        });
    }

    @EventHandler
    void on(PayoutDetailsRecordedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.payoutDetailsPresent = true;
            d.step(e.at(), e.by(), "payout-details-recorded", "a bank account was given");
        });
    }

    @EventHandler
    void on(RefundInstructedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.status = ClaimStatus.PAYING.name();
            d.step(e.at(), AUTOMATIC, "refund-instructed", "refund " + e.refundId() + " sent for payment by " + e.method());
        });
    }

    @EventHandler
    void on(RefundPaidEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.status = ClaimStatus.PAID.name();
            d.paymentId = e.paymentId();
            d.paidAt = e.paidAt();
            d.step(e.paidAt(), PAYMENTS, "refund-paid", "refund " + e.refundId() + " paid (payment " + e.paymentId() + ")");
        });
    }

    @EventHandler
    void on(RefundFailedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.status = ClaimStatus.PAYMENT_FAILED.name();
            d.failureReason = e.reason();
            d.approvals.clear();
            d.step(e.failedAt(), PAYMENTS, "refund-failed", "refund " + e.refundId() + " failed: " + e.reason());
        });
    }

    @EventHandler
    void on(RefundRejectedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.status = ClaimStatus.REJECTED.name();
            d.rejectionReason = e.reason();
            d.step(e.at(), e.rejectedBy(), "refund-rejected", e.reason());
        });
    }

    @EventHandler
    void on(ClaimClosedEvent e, @SequenceNumber long sequence) {
        change(e.claimId(), e.caseId(), sequence, d -> {
            d.status = ClaimStatus.CLOSED.name();
            d.closureReason = e.reason().name();
            d.policyVersion = e.policyVersion();
            d.step(e.closedAt(), AUTOMATIC, "closed", "nothing is owed: " + e.reason()
                    + (e.circumstanceId() == null ? "" : " (circumstance " + e.circumstanceId() + ")"));
        });
    }

    @ResetHandler
    void reset() {
        claims.deleteAll();
    }
}
