package org.pledge.console.refunds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pledge.console.refunds.FourEyes.Verdict;
import org.pledge.console.refunds.GuaranteeViews.Approval;
import org.pledge.console.refunds.GuaranteeViews.Claim;
import org.pledge.console.refunds.GuaranteeViews.HistoryStep;

class FourEyesTest {

    @Test
    void verdict_mayDecide_whenFinanceHasNotActed() {
        assertThat(FourEyes.verdict(claim("AWAITING_APPROVAL", List.of(), List.of()), "finance-2", true)).isEqualTo(Verdict.MAY_DECIDE);
    }

    @Test
    void verdict_isNotFinance_forAuditor() {
        assertThat(FourEyes.verdict(claim("AWAITING_APPROVAL", List.of(), List.of()), "auditor", false)).isEqualTo(Verdict.NOT_FINANCE);
    }

    @Test
    void verdict_isNotAwaiting_whenClaimIsPaying() {
        assertThat(FourEyes.verdict(claim("PAYING", List.of(), List.of()), "finance-1", true)).isEqualTo(Verdict.NOT_AWAITING);
    }

    @Test
    void verdict_mayDecide_whenPaymentFailed() {
        assertThat(FourEyes.verdict(claim("PAYMENT_FAILED", List.of(), List.of()), "finance-1", true)).isEqualTo(Verdict.MAY_DECIDE);
    }

    @Test
    void verdict_isAlreadyApproved_whenSubjectAmongApprovals() {
        Claim claim = claim("AWAITING_APPROVAL", List.of(new Approval("finance-1", "2026-12-06T10:00:00Z")),
                List.of(step("finance-1", "approval-given")));
        assertThat(FourEyes.verdict(claim, "finance-1", true)).isEqualTo(Verdict.ALREADY_APPROVED);
        assertThat(FourEyes.verdict(claim, "finance-2", true)).isEqualTo(Verdict.MAY_DECIDE);
    }

    @Test
    void verdict_isChangedLast_whenLastApproverOfEarlierRoundAfterFailedPayment() {
        Claim claim = claim("PAYMENT_FAILED", List.of(), List.of(step("finance-1", "approval-given"),
                step("finance-2", "approval-given"), step("finance-1,finance-2", "refund-approved"),
                step("guarantee-service", "refund-instructed"), step("payments", "refund-failed")));
        assertThat(FourEyes.verdict(claim, "finance-2", true)).isEqualTo(Verdict.CHANGED_LAST);
        assertThat(FourEyes.verdict(claim, "finance-1", true)).isEqualTo(Verdict.MAY_DECIDE);
    }

    private static HistoryStep step(String actor, String what) {
        return new HistoryStep("2026-12-06T10:00:00Z", actor, what, null);
    }

    private static Claim claim(String status, List<Approval> approvals, List<HistoryStep> history) {
        return new Claim("0b7a8d8e-1c2f-3a4b-9c5d-6e7f8a9b0c1d", "c-1", "DEMO", status, null, null, null, 1, 1, 1, 2,
                approvals, false, null, null, null, null, null, null, null, null, null, null, history);
    }
}
