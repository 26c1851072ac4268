package org.pledge.guarantee.transfer.config;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The business time zone ({@code pledge.guarantee.zone}) as the transfer feature uses it: days of batches. */
public record TransferZone(ZoneId zone) {

    /** The business date of {@code instant}. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Today, in the zone. */
    public LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    /** When {@code date} ends in the zone (the start of the next day): its batch is closed from then on. */
    public ZonedDateTime endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(zone);
    }
}
