package org.pledge.guarantee.claim.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pledge.guarantee.claim.query.ClaimDocument;
import org.pledge.guarantee.claim.query.GuaranteeClaims;

/** What the claim endpoints answer. */
final class ClaimViews {

    private ClaimViews() {
    }

    /** An amount as a decimal string and its ISO 4217 currency. */
    @Schema(name = "Money")
    record Amount(String amount, String currency) {

        static Amount of(String amount, String currency) {
            return amount == null ? null : new Amount(amount, currency);
        }
    }

    @Schema(name = "ClaimApproval")
    record ApprovalView(String by, Instant at) {
    }

    @Schema(name = "ClaimHistoryStep", description = "One step of a claim")
    record StepView(Instant at, @Schema(description = "A finance user, an admin, the channel, `case-service`, "
            + "`guarantee-service` (automatic) or `payments`") String actor,
                    @Schema(description = "e.g. fee-recorded, opened, case-resolved, decided, approval-given, refund-approved, "
                            + "refund-instructed, refund-paid, refund-failed, refund-rejected, reevaluated, sent-to-review, closed")
                    String what, String detail) {
    }

    @Schema(name = "Claim", description = "A guarantee claim: a case's refund for a missed guaranteed standard")
    record ClaimView(String claimId, String caseId, String serviceType,
                     @Schema(description = "WATCHING, OPEN, AWAITING_APPROVAL, AWAITING_PAYOUT_DETAILS, PAYING, PAID, PAYMENT_FAILED, "
                             + "REJECTED, CLOSED") String status,
                     Amount fee, boolean paymentReferencePresent, Instant deadline, Instant breachedAt, String outcome,
                     Integer latenessBusinessDays, @Schema(description = "After exceptional circumstances") Integer countedLateness,
                     @Schema(description = "Share of the fee, percent (decimal string)") String percent, Amount amount,
                     Integer policyVersion, Integer approvalsRequired, boolean reviewRequired, List<ApprovalView> approvals,
                     String refundId, @Schema(description = "ORIGINAL_PAYMENT_METHOD or BANK_TRANSFER") String refundMethod,
                     @Schema(description = "Whether the client gave a bank account (the account itself is not shown)")
                     boolean payoutDetailsPresent, String closureReason, String failureReason, String rejectionReason,
                     List<String> circumstances, Instant decidedAt, Instant paidAt,
                     @Schema(description = "Every step, oldest first; only in GET /api/claims/{id}") List<StepView> history) {

        static ClaimView of(ClaimDocument d, boolean withHistory) {
            return new ClaimView(d.claimId(), d.caseId(), d.serviceType(), d.status(), Amount.of(d.feeAmount(), d.feeCurrency()),
                    Boolean.TRUE.equals(d.paymentReferencePresent()), d.deadline(), d.breachedAt(), d.outcome(), d.latenessBusinessDays(),
                    d.countedLateness(), d.percent(), Amount.of(d.amount(), d.currency()), d.policyVersion(), d.approvalsRequired(),
                    Boolean.TRUE.equals(d.reviewRequired()),
                    d.approvals() == null ? List.of() : d.approvals().stream().map(a -> new ApprovalView(a.by(), a.at())).toList(),
                    d.refundId(), d.refundMethod(), Boolean.TRUE.equals(d.payoutDetailsPresent()), d.closureReason(), d.failureReason(),
                    d.rejectionReason(), d.circumstances() == null ? List.of() : d.circumstances(), d.decidedAt(), d.paidAt(),
                    withHistory && d.history() != null
                            ? d.history().stream().map(s -> new StepView(s.at(), s.actor(), s.what(), s.detail())).toList()
                            : null);
        }
    }

    @Schema(name = "ClaimPage", description = "A page of claims, by claim id")
    record ClaimPage(List<ClaimView> items, int page, int size, long total) {
    }

    @Schema(name = "RefundTotal", description = "Paid and pending refunds of one service type, month and currency")
    record RefundTotalView(String serviceType, @Schema(description = "YYYY-MM in the business time zone") String month, String currency,
                           @Schema(description = "Decimal string") String paidAmount, int paidCount,
                           @Schema(description = "Decimal string") String pendingAmount, int pendingCount) {

        static RefundTotalView of(GuaranteeClaims.RefundTotal t) {
            return new RefundTotalView(t.serviceType(), t.month().toString(), t.currency(), t.paidAmount().toPlainString(), t.paidCount(),
                    t.pendingAmount().toPlainString(), t.pendingCount());
        }
    }

    @Schema(name = "RefundTotals")
    record RefundTotalsView(String from, String to, @Schema(description = "The time zone of the months") String zone,
                            List<RefundTotalView> totals) {
    }
}
