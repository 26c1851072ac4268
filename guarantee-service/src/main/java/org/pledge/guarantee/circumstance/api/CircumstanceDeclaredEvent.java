package org.pledge.guarantee.circumstance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pledge.guarantee.claim.api.Adjustment;
import org.pledge.platform.api.EventRevision;

/**
 * An admin ({@code declaredBy}) declared an exceptional circumstance: every claim it covers ({@link #scope()}) and that
 * is not paid yet is re-evaluated once, each re-evaluation a {@code ClaimReevaluatedEvent} naming
 * {@code circumstanceId}.
 *
 * @param serviceTypes sorted, without repeats
 * @param businessDays subtracted for {@link Adjustment#SUBTRACT_BUSINESS_DAYS} (at least 1); 0 for {@link Adjustment#EXCLUDE}
 */
@EventRevision("1")
public record CircumstanceDeclaredEvent(String circumstanceId, List<String> serviceTypes, LocalDate from, LocalDate to, String label,
                                        Adjustment adjustment, int businessDays, String declaredBy, Instant declaredAt) {

    public CircumstanceDeclaredEvent {
        serviceTypes = List.copyOf(serviceTypes);
    }

    public CircumstanceScope scope() {
        return new CircumstanceScope(serviceTypes, from, to);
    }
}
