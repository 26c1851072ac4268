package org.pledge.guarantee.policy.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledge.guarantee.policy.api.Exclusion;
import org.pledge.guarantee.policy.api.PayoutMethod;
import org.pledge.guarantee.policy.api.PolicyTerms;
import org.pledge.guarantee.policy.api.RefundTier;
import org.pledge.platform.web.PledgeException;
import org.springframework.http.HttpStatus;

/** The body of {@code PUT /api/guarantee-policies/{serviceType}} and its conversion to {@link PolicyTerms}. */
final class PolicyRequests {

    static final String DECIMAL = "-?[0-9]{1,12}(\\.[0-9]{1,6})?";

    private PolicyRequests() {
    }

    @Schema(name = "GuaranteePolicyRequest")
    record Policy(@Schema(description = "Whether missing the service standard refunds the fee") @NotNull Boolean guaranteed,
                  @Schema(description = "Lateness tiers; none overlap") @NotNull @Size(max = 20) List<@Valid @NotNull Tier> tiers,
                  @Schema(description = "WITHDRAWN, REFUSED_FOR_FRAUD, OUTCOME_OTHER") @Size(max = 3) List<@NotNull String> exclusions,
                  @Schema(description = "ISO 4217 currency of the limits", example = "CAD") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                  @Schema(description = "A refund at or under it is approved automatically: a decimal string, e.g. \"50.00\"")
                  @NotNull @Pattern(regexp = DECIMAL) String autoApprovalLimit,
                  @Schema(description = "A refund above it needs two approvers: a decimal string, e.g. \"500.00\"")
                  @NotNull @Pattern(regexp = DECIMAL) String secondApprovalLimit,
                  @Schema(description = "ORIGINAL_PAYMENT_METHOD, BANK_TRANSFER, in order of preference")
                  @NotNull @Size(max = 2) List<@NotNull String> payoutMethods) {

        PolicyTerms terms() {
            List<RefundTier> refundTiers = new ArrayList<>();
            for (Tier tier : tiers) {
                refundTiers.add(tier.refundTier());
            }
            Set<Exclusion> excluded = new LinkedHashSet<>();
            for (String exclusion : exclusions == null ? List.<String>of() : exclusions) {
                excluded.add(parse(Exclusion.class, exclusion, "policy.exclusion-unknown", "exclusion"));
            }
            List<PayoutMethod> methods = new ArrayList<>();
            for (String method : payoutMethods) {
                methods.add(parse(PayoutMethod.class, method, "policy.payout-method-unknown", "payout method"));
            }
            return new PolicyTerms(guaranteed, refundTiers, excluded, currency, new BigDecimal(autoApprovalLimit),
                    new BigDecimal(secondApprovalLimit), methods);
        }
    }

    @Schema(name = "RefundTier", description = "`from`..`to` business days late (inclusive; no `to`: no upper bound) → `percent` % of the fee")
    record Tier(@Schema(description = "Business days late, 1..100000") @NotNull @Min(1) @Max(100000) Integer from,
                @Schema(description = "Business days late, at least from; none: no upper bound") @Min(1) @Max(100000) Integer to,
                @Schema(description = "0..100: a decimal string, e.g. \"25\"") @NotNull @Pattern(regexp = DECIMAL) String percent) {

        RefundTier refundTier() {
            BigDecimal share = new BigDecimal(percent);
            if (share.signum() < 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidPolicyRequest("policy.percent-out-of-range", "a tier refunds 0 to 100 % of the fee");
            }
            if (from < 1 || (to != null && to < from)) {
                throw new InvalidPolicyRequest("policy.tier-invalid", "a tier starts at 1 business day or later and ends at or after its start");
            }
            return new RefundTier(from, to, share);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String what) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyRequest(code, "unknown " + what + " " + org.pledge.platform.web.Problems.echo(value));
        }
    }

    /** A body that cannot be policy terms: 422 with the rule's code. */
    static class InvalidPolicyRequest extends PledgeException {
        InvalidPolicyRequest(String code, String detail) {
            super(code, HttpStatus.UNPROCESSABLE_ENTITY, detail);
        }
    }
}
