package org.pledge.guarantee.policy.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.pledge.guarantee.policy.api.CurrentPolicy;
import org.pledge.guarantee.policy.api.PolicyTerms;

/** What the policy endpoints answer. */
final class PolicyViews {

    private PolicyViews() {
    }

    @Schema(name = "GuaranteePolicy", description = "The current version of a service type's guarantee policy")
    record PolicyView(String serviceType, int version, boolean guaranteed, List<TierView> tiers, List<String> exclusions, String currency,
                      @Schema(description = "Decimal string") String autoApprovalLimit,
                      @Schema(description = "Decimal string") String secondApprovalLimit, List<String> payoutMethods,
                      @Schema(description = "The admin who set this version, or `configuration` for a seed") String changedBy,
                      Instant changedAt) {

        static PolicyView of(CurrentPolicy policy) {
            PolicyTerms t = policy.terms();
            return new PolicyView(policy.serviceType(), policy.version(), t.guaranteed(),
                    t.tiers().stream().map(r -> new TierView(r.fromDays(), r.toDays(), r.percent().toPlainString())).toList(),
                    t.exclusions().stream().map(Enum::name).sorted().toList(), t.currency(), t.autoApprovalLimit().toPlainString(),
                    t.secondApprovalLimit().toPlainString(), t.payoutMethods().stream().map(Enum::name).toList(), policy.changedBy(),
                    policy.changedAt());
        }
    }

    @Schema(name = "RefundTierView")
    record TierView(int from, Integer to, @Schema(description = "Decimal string") String percent) {
    }
}
