package org.pledge.console.refunds;

import java.util.List;
import java.util.Set;

import org.pledge.console.refunds.GuaranteeViews.Claim;
import org.pledge.console.refunds.GuaranteeViews.HistoryStep;

/**
 * Whether the signed-in person may approve or reject a claim, and if not, why: the page shows the decision form only
 * to someone who may use it, and a sentence saying why to everyone else. The service decides anyway (it refuses with
 * {@code claim.four-eyes}, {@code claim.already-approved} or {@code claim.not-awaiting-approval}); this mirrors its
 * rules so that nobody is offered a button that can only fail:
 * <ul>
 * <li>only finance decides (an auditor reads);</li>
 * <li>only a claim awaiting approval, or back with finance after a failed payment, is decided;</li>
 * <li>nobody approves twice in a round (their subject is among the claim's approvals);</li>
 * <li>whoever changed the claim last (the latest approval, account or re-evaluation step of its history) does not
 *     decide it next.</li>
 * </ul>
 */
public final class FourEyes {

    /**
     * The history steps that make their actor the claim's last changer (the aggregate's {@code lastChangedBy}): an
     * approval, an account given, an exceptional circumstance's re-evaluation.
     */
    private static final Set<String> CHANGES = Set.of("approval-given", "payout-details-recorded", "reevaluated");

    /** Why the form is absent: a message key of {@code refunds}' bundle, or null when the person may decide. */
    public enum Verdict {
        MAY_DECIDE(null),
        NOT_FINANCE("refund.cannot.not-finance"),
        NOT_AWAITING("refund.cannot.not-awaiting"),
        ALREADY_APPROVED("refund.cannot.already-approved"),
        CHANGED_LAST("refund.cannot.changed-last");

        private final String message;

        Verdict(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }

        public boolean mayDecide() {
            return this == MAY_DECIDE;
        }
    }

    private FourEyes() {
    }

    static Verdict verdict(Claim claim, String subject, boolean finance) {
        if (!finance) {
            return Verdict.NOT_FINANCE;
        }
        if (!claim.awaitsDecision()) {
            return Verdict.NOT_AWAITING;
        }
        if (claim.approvals().stream().anyMatch(approval -> subject.equals(approval.by()))) {
            return Verdict.ALREADY_APPROVED;
        }
        if (subject.equals(lastPerson(claim.history()))) {
            return Verdict.CHANGED_LAST;
        }
        return Verdict.MAY_DECIDE;
    }

    private static String lastPerson(List<HistoryStep> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryStep step = history.get(i);
            if (CHANGES.contains(step.what())) {
                return step.actor();
            }
        }
        return null;
    }
}
