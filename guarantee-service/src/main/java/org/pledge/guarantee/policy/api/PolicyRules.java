package org.pledge.guarantee.policy.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The rules every policy version keeps, checked by the policy aggregate (and so for seeds and admin changes alike):
 * <ul>
 * <li>{@code policy.service-type-invalid}: 1–64 characters, upper-case letters, digits, {@code _} and {@code -};</li>
 * <li>{@code policy.tiers-required}: a guaranteed policy has at least one tier;</li>
 * <li>{@code policy.tiers-overlap}: no lateness falls in two tiers (an open-ended tier is the last one);</li>
 * <li>{@code policy.currency-invalid}: an ISO 4217 currency;</li>
 * <li>{@code policy.limit-negative}, {@code policy.limits-inverted}: 0 ≤ auto-approval limit ≤ second-approval limit;</li>
 * <li>{@code policy.payout-methods-required}, {@code policy.payout-methods-repeated}: a guaranteed policy allows at least
 *     one method, each once.</li>
 * </ul>
 * (A tier's own bounds and its percent, 0..100, are {@link RefundTier}'s; the web layer reports them as
 * {@code policy.tier-invalid} and {@code policy.percent-out-of-range}.)
 */
public final class PolicyRules {

    public static final String SERVICE_TYPE_PATTERN = "[A-Z0-9_-]{1,64}";

    private PolicyRules() {
    }

    public static void check(String serviceType, PolicyTerms terms) {
        if (serviceType == null || !serviceType.matches(SERVICE_TYPE_PATTERN)) {
            throw new InvalidPolicyException("policy.service-type-invalid", "a service type is 1-64 characters: A-Z, 0-9, _ and -");
        }
        Objects.requireNonNull(terms, "terms");
        if (terms.guaranteed() && terms.tiers().isEmpty()) {
            throw new InvalidPolicyException("policy.tiers-required", "a guaranteed policy needs at least one tier");
        }
        List<RefundTier> tiers = new ArrayList<>(terms.tiers());
        tiers.sort(Comparator.comparingInt(RefundTier::fromDays));
        for (int i = 1; i < tiers.size(); i++) {
            RefundTier previous = tiers.get(i - 1);
            if (previous.toDays() == null || previous.toDays() >= tiers.get(i).fromDays()) {
                throw new InvalidPolicyException("policy.tiers-overlap", "tiers from " + previous.fromDays() + " and from "
                        + tiers.get(i).fromDays() + " business days overlap");
            }
        }
        try {
            Currency.getInstance(terms.currency());
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException("policy.currency-invalid", "currency must be an ISO 4217 code");
        }
        if (terms.autoApprovalLimit().signum() < 0 || terms.secondApprovalLimit().signum() < 0) {
            throw new InvalidPolicyException("policy.limit-negative", "approval limits are never negative");
        }
        if (terms.secondApprovalLimit().compareTo(terms.autoApprovalLimit()) < 0) {
            throw new InvalidPolicyException("policy.limits-inverted", "the second-approval limit is at or above the auto-approval limit");
        }
        if (terms.guaranteed() && terms.payoutMethods().isEmpty()) {
            throw new InvalidPolicyException("policy.payout-methods-required", "a guaranteed policy allows at least one payout method");
        }
        if (new HashSet<>(terms.payoutMethods()).size() != terms.payoutMethods().size()) {
            throw new InvalidPolicyException("policy.payout-methods-repeated", "each payout method is listed once");
        }
    }

    /** The terms in their stored form: tiers ordered by their first day. */
    public static PolicyTerms normalized(PolicyTerms terms) {
        List<RefundTier> tiers = new ArrayList<>(terms.tiers());
        tiers.sort(Comparator.comparingInt(RefundTier::fromDays));
        return new PolicyTerms(terms.guaranteed(), tiers, terms.exclusions(), terms.currency(), terms.autoApprovalLimit(),
                terms.secondApprovalLimit(), terms.payoutMethods());
    }

    /** Whether two terms say the same (amounts compared by value: 50.0 is 50.00). */
    public static boolean same(PolicyTerms a, PolicyTerms b) {
        if (a.guaranteed() != b.guaranteed() || !a.exclusions().equals(b.exclusions()) || !a.currency().equals(b.currency())
                || !a.payoutMethods().equals(b.payoutMethods()) || a.tiers().size() != b.tiers().size()
                || !sameAmount(a.autoApprovalLimit(), b.autoApprovalLimit()) || !sameAmount(a.secondApprovalLimit(), b.secondApprovalLimit())) {
            return false;
        }
        for (int i = 0; i < a.tiers().size(); i++) {
            RefundTier x = a.tiers().get(i);
            RefundTier y = b.tiers().get(i);
            if (x.fromDays() != y.fromDays() || !Objects.equals(x.toDays(), y.toDays()) || !sameAmount(x.percent(), y.percent())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
