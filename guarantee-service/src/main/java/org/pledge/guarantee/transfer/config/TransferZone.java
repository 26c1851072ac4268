package org.pledge.guarantee.transfer.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The days of the batches: the business time zone ({@code pledge.guarantee.zone}) and the cut-off
 * ({@code pledge.transfers.cut-off}, null for midnight). A refund instructed before the cut-off of a day belongs to
 * that day's batch, one instructed at or after it to the next day's; a day's batch closes at its cut-off (midnight:
 * the start of the next day).
 */
public record TransferZone(ZoneId zone, LocalTime cutOff) {

    /** The batch date of a refund instructed at {@code instant}. */
    public LocalDate dateOf(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (cutOff == null || local.toLocalTime().isBefore(cutOff)) {
            return local.toLocalDate();
        }
        return local.toLocalDate().plusDays(1);
    }

    /** When the batch of {@code date} closes: from then on it is fixed. */
    public ZonedDateTime closeOf(LocalDate date) {
        return cutOff == null ? date.plusDays(1).atStartOfDay(zone) : date.atTime(cutOff).atZone(zone);
    }

    /** Whether the batch of {@code date} is closed at {@code now}. */
    public boolean isClosed(LocalDate date, Instant now) {
        return !now.isBefore(closeOf(date).toInstant());
    }
}
