package org.pledge.guarantee.claim.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.pledge.guarantee.claim.api.ClosureReason;
import org.pledge.guarantee.claim.api.Money;
import org.pledge.guarantee.policy.api.Exclusion;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.guarantee.policy.api.RefundTier;

/**
 * What a policy's terms say about one claim, as plain functions of the facts (no claim state): whether the case's
 * outcome excludes it, the share of the fee for a lateness, how many approvals that amount needs, and how it is paid.
 * {@link GuaranteeClaim} applies them.
 */
final class RefundRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RefundRule() {
    }

    /** The closure an outcome calls for under {@code terms}: refused for fraud, or an OTHER outcome, when excluded. */
    static Optional<ClosureReason> excludedOutcome(PolicyTerms terms, String outcome, String reasonCode) {
        Set<Exclusion> exclusions = terms.exclusions();
        boolean fraud = "REFUSED".equals(outcome) && "fraud".equalsIgnoreCase(reasonCode) && exclusions.contains(Exclusion.REFUSED_FOR_FRAUD);
        boolean other = "OTHER".equals(outcome) && exclusions.contains(Exclusion.OUTCOME_OTHER);
        return fraud || other ? Optional.of(ClosureReason.EXCLUDED_OUTCOME) : Optional.empty();
    }

    /** The share of a lateness: the covering tier's percent, when above 0. */
    static Optional<BigDecimal> percentFor(PolicyTerms terms, int counted) {
        return terms.tierFor(counted).map(RefundTier::percent).filter(p -> p.signum() > 0);
    }

    /** {@code percent} % of {@code fee}, rounded HALF_UP to the currency's minor units. */
    static Money share(Money fee, BigDecimal percent) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(fee.currency()).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        BigDecimal value = fee.amount().multiply(percent).divide(HUNDRED, digits, RoundingMode.HALF_UP);
        return new Money(value, fee.currency());
    }

    /** The approvals {@code share} needs by the terms' limits alone: 0, 1 or 2 (2 when the currencies differ). */
    static int approvalsByAmount(PolicyTerms terms, Money share) {
        if (!terms.currency().equals(share.currency())) {
            return 2; // the limits cannot be compared: finance decides, with four eyes
        }
        if (share.amount().compareTo(terms.autoApprovalLimit()) <= 0) {
            return 0;
        }
        return share.amount().compareTo(terms.secondApprovalLimit()) <= 0 ? 1 : 2;
    }

    /** ORIGINAL_PAYMENT_METHOD when the fee has a payment reference and the terms allow it, else BANK_TRANSFER if allowed. */
    static Optional<PayoutMethod> payoutMethod(PolicyTerms terms, String paymentReference) {
        List<PayoutMethod> allowed = terms.payoutMethods();
        if (paymentReference != null && allowed.contains(PayoutMethod.ORIGINAL_PAYMENT_METHOD)) {
            return Optional.of(PayoutMethod.ORIGINAL_PAYMENT_METHOD);
        }
        return allowed.contains(PayoutMethod.BANK_TRANSFER) ? Optional.of(PayoutMethod.BANK_TRANSFER) : Optional.empty();
    }
}
