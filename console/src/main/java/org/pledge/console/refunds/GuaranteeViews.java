package org.pledge.console.refunds;

import java.util.List;

/**
 * What guarantee-service's claims, refund-totals and payment-batch APIs answer, as far as the refunds pages show it
 * (docs/api/guarantee-service.openapi.json). Amounts stay decimal strings: money is never a double.
 */
public final class GuaranteeViews {

    private GuaranteeViews() {
    }

    /** An amount and its currency, e.g. {@code "6.25"} CAD. */
    public record Money(String amount, String currency) {
    }

    /** One finance approval of the current round. */
    public record Approval(String by, String at) {
    }

    /** One step of a claim's history. */
    public record HistoryStep(String at, String actor, String what, String detail) {
    }

    /** A claim; {@code history} only on the single claim. */
    public record Claim(String claimId, String caseId, String serviceType, String status, Money amount, Money fee,
                 String percent, Integer latenessBusinessDays, Integer countedLateness, Integer policyVersion,
                 Integer approvalsRequired, List<Approval> approvals, Boolean reviewRequired, String refundMethod,
                 String refundId, String rejectionReason, String failureReason, String closureReason, String outcome,
                 String deadline, String breachedAt, String decidedAt, String paidAt, List<HistoryStep> history) {

        public Claim {
            approvals = approvals == null ? List.of() : approvals;
            history = history == null ? List.of() : history;
        }

        /** Whether finance may decide it now (the service's rule: awaiting approval, or back after a failed payment). */
        public boolean awaitsDecision() {
            return "AWAITING_APPROVAL".equals(status) || "PAYMENT_FAILED".equals(status);
        }

        /** Whether the counted lateness differs from the lateness (exceptional circumstances subtracted days). */
        public boolean latenessAdjusted() {
            return countedLateness != null && latenessBusinessDays != null && !countedLateness.equals(latenessBusinessDays);
        }
    }

    /** A page of claims, by claim id. */
    public record ClaimPage(List<Claim> items, int page, int size, long total) {

        public ClaimPage {
            items = items == null ? List.of() : items;
        }
    }

    /** Paid and pending refunds of one service type, month and currency. */
    public record RefundTotal(String serviceType, String month, String currency, String paidAmount, int paidCount,
                       String pendingAmount, int pendingCount) {
    }

    /** The refund totals of months {@code from}..{@code to}. */
    public record RefundTotals(String from, String to, String zone, List<RefundTotal> totals) {

        public RefundTotals {
            totals = totals == null ? List.of() : totals;
        }
    }

    /** A refund a status report rejected (the bank's reason code) or the claim refused to record (its rule code). */
    public record Rejection(String refundId, String reason) {
    }

    /** What importing a pain.002 did, by refund id. */
    public record StatusReportSummary(String messageId, String originalMessageId, String batchDate, int transactions,
                               List<String> settled, List<Rejection> rejected, List<String> pending,
                               List<String> alreadyFinal, List<Rejection> refused) {

        public StatusReportSummary {
            settled = settled == null ? List.of() : settled;
            rejected = rejected == null ? List.of() : rejected;
            pending = pending == null ? List.of() : pending;
            alreadyFinal = alreadyFinal == null ? List.of() : alreadyFinal;
            refused = refused == null ? List.of() : refused;
        }
    }
}
