package org.pledge.guarantee.circumstance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pledge.guarantee.claim.api.Adjustment;
import org.pledge.platform.api.CommandTarget;

/**
 * An admin declares an exceptional circumstance: the claims of {@code serviceTypes} whose case deadline falls in
 * {@code from}..{@code to} (local dates in the business time zone, inclusive; see {@link CircumstanceScope}) have
 * {@code businessDays} of lateness subtracted ({@link Adjustment#SUBTRACT_BUSINESS_DAYS}, at least 1) or are excluded
 * ({@link Adjustment#EXCLUDE}, {@code businessDays} 0). A repeat with the same id and content changes nothing; the same
 * id with other content is refused ({@code circumstance.idempotency-key-reused}).
 *
 * @param circumstanceId {@link CircumstanceIds#of}: one per admin and Idempotency-Key
 * @param label          what happened (a labour disruption, a regional crisis), one line
 * @param declaredBy     the admin
 */
public record DeclareCircumstanceCommand(@CommandTarget String circumstanceId, List<String> serviceTypes, LocalDate from, LocalDate to,
                                         String label, Adjustment adjustment, int businessDays, String declaredBy, Instant at) {
}
