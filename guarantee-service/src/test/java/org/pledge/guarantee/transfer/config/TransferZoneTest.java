package org.pledge.guarantee.transfer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The batch a refund belongs to, and when a batch closes, at the boundaries (hand-worked, Toronto: UTC-5, UTC-4 in summer). */
class TransferZoneTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void withoutCutOff_aRefundBelongsToItsCalendarDayInTheZone() {
        TransferZone zone = new TransferZone(TORONTO, null);
        // 2026-12-06T04:59:59Z is 23:59:59 on the 5th in Toronto; a second later it is the 6th
        assertThat(zone.dateOf(Instant.parse("2026-12-06T04:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(zone.dateOf(Instant.parse("2026-12-06T05:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(zone.closeOf(LocalDate.of(2026, 12, 5)).toInstant()).isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
        assertThat(zone.isClosed(LocalDate.of(2026, 12, 5), Instant.parse("2026-12-06T04:59:59Z"))).isFalse();
        assertThat(zone.isClosed(LocalDate.of(2026, 12, 5), Instant.parse("2026-12-06T05:00:00Z"))).isTrue();
    }

    @Test
    void withACutOff_aRefundFromTheCutOffOnBelongsToTheNextDay() {
        TransferZone zone = new TransferZone(TORONTO, LocalTime.of(16, 0));
        // summer: 16:00 in Toronto is 20:00Z
        assertThat(zone.dateOf(Instant.parse("2026-07-10T19:59:59Z"))).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(zone.dateOf(Instant.parse("2026-07-10T20:00:00Z"))).isEqualTo(LocalDate.of(2026, 7, 11));
        assertThat(zone.closeOf(LocalDate.of(2026, 7, 10)).toInstant()).isEqualTo(Instant.parse("2026-07-10T20:00:00Z"));
        assertThat(zone.isClosed(LocalDate.of(2026, 7, 10), Instant.parse("2026-07-10T19:59:59Z"))).isFalse();
        assertThat(zone.isClosed(LocalDate.of(2026, 7, 10), Instant.parse("2026-07-10T20:00:00Z"))).isTrue();
        // a refund instructed at 17:00 on the 10th is in the batch of the 11th, which is open until the 11th, 16:00
        assertThat(zone.isClosed(LocalDate.of(2026, 7, 11), Instant.parse("2026-07-10T21:00:00Z"))).isFalse();
    }
}
