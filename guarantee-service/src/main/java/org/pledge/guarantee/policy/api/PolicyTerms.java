package org.pledge.guarantee.policy.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a guarantee policy of one service type says (one version of it).
 *
 * @param guaranteed          whether missing the service standard refunds the fee at all
 * @param tiers               lateness in business days → share of the fee; ordered, not overlapping; a lateness no
 *                            tier covers refunds nothing
 * @param exclusions          case endings that refund nothing
 * @param currency            ISO 4217 currency of the two limits (a fee in another currency always needs finance)
 * @param autoApprovalLimit   a refund at or under it is approved automatically
 * @param secondApprovalLimit a refund above it needs two approvals, by two different finance users (at or above
 *                            {@code autoApprovalLimit})
 * @param payoutMethods       the methods allowed, in order of preference
 */
public record PolicyTerms(boolean guaranteed, List<RefundTier> tiers, Set<Exclusion> exclusions, String currency,
                          BigDecimal autoApprovalLimit, BigDecimal secondApprovalLimit, List<PayoutMethod> payoutMethods) {

    public PolicyTerms {
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        exclusions = Set.copyOf(Objects.requireNonNull(exclusions, "exclusions"));
        payoutMethods = List.copyOf(Objects.requireNonNull(payoutMethods, "payoutMethods"));
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(autoApprovalLimit, "autoApprovalLimit");
        Objects.requireNonNull(secondApprovalLimit, "secondApprovalLimit");
    }

    /** The tier a case {@code lateness} business days late falls in, if any. */
    public Optional<RefundTier> tierFor(int lateness) {
        return tiers.stream().filter(tier -> tier.covers(lateness)).findFirst();
    }
}
