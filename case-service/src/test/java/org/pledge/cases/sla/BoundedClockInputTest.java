package org.pledge.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every number the clock arithmetic uses has a range, checked in the domain (not only at the web), so no deadline
 * computation can loop for minutes or overflow.
 */
class BoundedClockInputTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final BusinessCalendar CALENDAR = BusinessCalendar.mondayToFriday("ca-on", 1, TORONTO, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"PT9999999999999H", "P3661D", "PT87865H", "P106751991167300D", "4000 calendar days", "999999999 business days",
            "9999999999 business days", "PT" + "9999999999999999999" + "S"})
    void overlongStandards_areRefused(String text) {
        assertThatThrownBy(() -> ServiceStandard.parse(text)).isInstanceOf(InvalidServiceLevelException.class)
                .extracting("errorCode").isIn(InvalidServiceLevelException.STANDARD_TOO_LONG, InvalidServiceLevelException.STANDARD_UNPARSEABLE);
    }

    @Test
    void theLongestStandards_stillGiveADeadline() {
        Instant start = Instant.parse("2199-12-31T00:00:00Z");
        for (ServiceStandard standard : new ServiceStandard[] {ServiceStandard.parse("P3660D"), ServiceStandard.parse("3660 business days"),
                ServiceStandard.parse("3660 calendar days")}) {
            Instant deadline = ServiceStandardClock.deadline(ServiceStandardClockSpec.of(standard, CALENDAR, null, start));
            assertThat(deadline).isAfter(start);
        }
        assertThatThrownBy(() -> ServiceStandard.parse("x".repeat(100_000))).isInstanceOf(InvalidServiceLevelException.class);
    }

    @Test
    @Timeout(5)
    void atRiskShares_haveBoundedDecimals_soTheArithmeticStaysSmall() {
        ServiceStandardClockSpec.requireShare(new BigDecimal("0.8"));
        ServiceStandardClockSpec.requireShare(new BigDecimal("0.123456"));
        ServiceStandardClockSpec.requireShare(new BigDecimal("0.50000000000")); // trailing zeros do not count
        for (BigDecimal bad : new BigDecimal[] {new BigDecimal("1e-1000000"), new BigDecimal("0.1234567"), new BigDecimal(BigInteger.ONE, 1_000_000),
                new BigDecimal(BigInteger.TEN.pow(5000), 5001), BigDecimal.ZERO, new BigDecimal("1.000001"), new BigDecimal("-0.5"),
                new BigDecimal("1e1000000")}) {
            assertThatThrownBy(() -> ServiceStandardClockSpec.requireShare(bad)).isInstanceOf(InvalidServiceLevelException.class)
                    .extracting("errorCode").isEqualTo(InvalidServiceLevelException.AT_RISK_SHARE_INVALID);
        }
    }

    @Test
    void holidays_areBoundedInNumberAndYears() {
        assertThatThrownBy(() -> BusinessCalendar.mondayToFriday("x", 1, TORONTO, Set.of(LocalDate.of(1899, 12, 25))))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.CALENDAR_HOLIDAYS_INVALID);
        assertThatThrownBy(() -> BusinessCalendar.mondayToFriday("x", 1, TORONTO, Set.of(LocalDate.MAX)))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.CALENDAR_HOLIDAYS_INVALID);
        Set<LocalDate> many = new HashSet<>();
        for (int i = 0; i <= BusinessCalendar.MAX_HOLIDAYS; i++) {
            many.add(LocalDate.of(2000, 1, 1).plusDays(i));
        }
        assertThatThrownBy(() -> BusinessCalendar.mondayToFriday("x", 1, TORONTO, many))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.CALENDAR_HOLIDAYS_INVALID);
        many.remove(LocalDate.of(2000, 1, 1));
        assertThat(BusinessCalendar.mondayToFriday("x", 1, TORONTO, many).holidays()).hasSize(BusinessCalendar.MAX_HOLIDAYS);
    }

    @Test
    @Timeout(10)
    void theWorstCalendar_oneBusinessDayAWeek_andEveryHolidayItCanHave_stillCountsQuickly() {
        // only Mondays are business days, and every Monday up to 2199 is a holiday (about 9 000 of them would be; the
        // calendar may have 5 000): the 3660th business day lies past the holidays, more than a century on
        Set<LocalDate> mondays = new HashSet<>();
        LocalDate monday = LocalDate.of(2025, 6, 2);
        for (int i = 0; i < BusinessCalendar.MAX_HOLIDAYS; i++) {
            mondays.add(monday.plusWeeks(i));
        }
        if (mondays.stream().anyMatch(d -> d.getYear() > 2199)) {
            mondays.removeIf(d -> d.getYear() > 2199);
        }
        BusinessCalendar worst = BusinessCalendar.of("worst", 1, TORONTO,
                EnumSet.complementOf(EnumSet.of(DayOfWeek.MONDAY)), mondays);
        Instant deadline = ServiceStandardClock.deadline(ServiceStandardClockSpec.of(ServiceStandard.businessDays(3660), worst, null,
                Instant.parse("2025-06-01T12:00:00Z")));
        assertThat(deadline).isAfter(Instant.parse("2150-01-01T00:00:00Z"));
        assertThat(Duration.between(Instant.parse("2025-06-01T12:00:00Z"), deadline).toDays()).isLessThan(200 * 366);
    }
}
