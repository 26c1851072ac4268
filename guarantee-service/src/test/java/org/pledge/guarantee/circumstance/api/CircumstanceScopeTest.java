package org.pledge.guarantee.circumstance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which claims a circumstance covers: the deadline's local date in the business time zone, both ends inclusive. */
class CircumstanceScopeTest {

    private static final CircumstanceScope MARCH_2_TO_13 =
            new CircumstanceScope(List.of("PASSPORT"), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 13));
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void bothEnds_areInclusive_inUtc() {
        assertThat(MARCH_2_TO_13.covers("PASSPORT", Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(MARCH_2_TO_13.covers("PASSPORT", Instant.parse("2026-03-13T23:59:59Z"), ZoneOffset.UTC)).isTrue();
        assertThat(MARCH_2_TO_13.covers("PASSPORT", Instant.parse("2026-03-01T23:59:59Z"), ZoneOffset.UTC)).isFalse();
        assertThat(MARCH_2_TO_13.covers("PASSPORT", Instant.parse("2026-03-14T00:00:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void theDeadlinesDate_isTakenInTheBusinessZone() {
        // 2026-03-14T03:00Z is 23:00 on 13 March in Toronto (EDT, UTC-4 since 8 March): covered there, not in UTC
        Instant lateEvening = Instant.parse("2026-03-14T03:00:00Z");
        assertThat(MARCH_2_TO_13.covers("PASSPORT", lateEvening, TORONTO)).isTrue();
        assertThat(MARCH_2_TO_13.covers("PASSPORT", lateEvening, ZoneOffset.UTC)).isFalse();
        // 2026-03-02T04:00Z is 23:00 on 1 March in Toronto (EST, UTC-5): not covered there
        assertThat(MARCH_2_TO_13.covers("PASSPORT", Instant.parse("2026-03-02T04:00:00Z"), TORONTO)).isFalse();
    }

    @Test
    void anotherServiceType_orNoDeadline_isNotCovered() {
        assertThat(MARCH_2_TO_13.covers("DEMO", Instant.parse("2026-03-05T12:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(MARCH_2_TO_13.covers("PASSPORT", null, ZoneOffset.UTC)).isFalse();
        assertThat(MARCH_2_TO_13.covers(null, Instant.parse("2026-03-05T12:00:00Z"), ZoneOffset.UTC)).isFalse();
    }
}
