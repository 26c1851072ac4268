package org.pledge.guarantee.circumstance.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Which claims an exceptional circumstance covers: a claim of one of {@code serviceTypes} whose case deadline (the
 * {@code deadline} its {@code ClaimOpenedEvent} carries), read as a local date in the business time zone
 * ({@code pledge.guarantee.zone}), falls in {@code from}..{@code to}, both inclusive.
 */
public record CircumstanceScope(List<String> serviceTypes, LocalDate from, LocalDate to) {

    public CircumstanceScope {
        serviceTypes = List.copyOf(serviceTypes);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Whether a claim of {@code serviceType} with case deadline {@code deadline} is covered; never one without a deadline. */
    public boolean covers(String serviceType, Instant deadline, ZoneId zone) {
        if (serviceType == null || deadline == null || !serviceTypes.contains(serviceType)) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(deadline, zone);
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
