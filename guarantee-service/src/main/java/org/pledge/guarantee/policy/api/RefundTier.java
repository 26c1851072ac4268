package org.pledge.guarantee.policy.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One tier of a refund rule: a case {@code fromDays}..{@code toDays} business days late (both inclusive; {@code toDays}
 * null = no upper bound) is refunded {@code percent} % of the fee paid.
 */
public record RefundTier(int fromDays, Integer toDays, BigDecimal percent) {

    public RefundTier {
        Objects.requireNonNull(percent, "percent");
        if (fromDays < 1) {
            throw new IllegalArgumentException("a tier starts at 1 business day late or later");
        }
        if (toDays != null && toDays < fromDays) {
            throw new IllegalArgumentException("a tier ends at or after its start");
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a tier refunds 0..100 %");
        }
    }

    /** Whether a case {@code lateness} business days late falls in this tier. */
    public boolean covers(int lateness) {
        return lateness >= fromDays && (toDays == null || lateness <= toDays);
    }
}
