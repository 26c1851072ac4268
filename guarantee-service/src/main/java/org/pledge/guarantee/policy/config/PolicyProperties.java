package org.pledge.guarantee.policy.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pledge.guarantee.policy.api.Exclusion;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.guarantee.policy.api.RefundTier;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pledge.guarantee.policies.<SERVICE_TYPE>.*}: the guarantee policies seeded at start-up (version 1 of a service
 * type that has none; an existing policy is never changed by the configuration: changes go through the API).
 */
@ConfigurationProperties("pledge.guarantee")
public record PolicyProperties(Map<String, Seed> policies) {

    public PolicyProperties {
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }

    /**
     * One service type's seed.
     *
     * @param guaranteed          default true
     * @param tiers               e.g. {@code [{from: 1, to: 10, percent: 25}, {from: 11, percent: 50}]}
     * @param exclusions          default none
     * @param currency            of the limits, default CAD
     * @param autoApprovalLimit   a refund at or under it is approved automatically
     * @param secondApprovalLimit a refund above it needs two approvers
     * @param payoutMethods       in order of preference, default ORIGINAL_PAYMENT_METHOD then BANK_TRANSFER
     */
    public record Seed(Boolean guaranteed, List<Tier> tiers, Set<Exclusion> exclusions, String currency, BigDecimal autoApprovalLimit,
                       BigDecimal secondApprovalLimit, List<PayoutMethod> payoutMethods) {

        PolicyTerms terms() {
            return new PolicyTerms(guaranteed == null || guaranteed,
                    tiers == null ? List.of() : tiers.stream().map(t -> new RefundTier(t.from(), t.to(), t.percent())).toList(),
                    exclusions == null ? Set.of() : exclusions, currency == null ? "CAD" : currency,
                    autoApprovalLimit == null ? BigDecimal.ZERO : autoApprovalLimit,
                    secondApprovalLimit == null ? BigDecimal.ZERO : secondApprovalLimit,
                    payoutMethods == null ? List.of(PayoutMethod.ORIGINAL_PAYMENT_METHOD, PayoutMethod.BANK_TRANSFER) : payoutMethods);
        }
    }

    /** A tier: {@code from}..{@code to} business days late (inclusive; no {@code to}: no upper bound) → {@code percent} %. */
    public record Tier(int from, Integer to, BigDecimal percent) {
    }
}
