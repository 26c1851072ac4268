package org.pledge.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MAY_DAY = LocalDate.of(2025, 5, 1);

    @Test
    void isBusinessDay_excludesWeekendDaysAndHolidays() {
        BusinessCalendar calendar = BusinessCalendar.mondayToFriday("fr", 1, PARIS, Set.of(MAY_DAY));

        assertThat(calendar.isBusinessDay(LocalDate.of(2025, 4, 30))).isTrue(); // Wednesday
        assertThat(calendar.isBusinessDay(MAY_DAY)).isFalse(); // Thursday, holiday
        assertThat(calendar.isBusinessDay(LocalDate.of(2025, 5, 3))).isFalse(); // Saturday
    }

    @Test
    void withHolidays_isTheNextVersion_andReportsTheChangedHolidays() {
        BusinessCalendar v1 = BusinessCalendar.mondayToFriday("fr", 1, PARIS, Set.of(MAY_DAY));
        LocalDate victoryDay = LocalDate.of(2025, 5, 8);

        BusinessCalendar v2 = v1.withHolidays(Set.of(victoryDay));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.zone()).isEqualTo(PARIS);
        assertThat(v1.changedHolidays(v2)).containsExactly(MAY_DAY, victoryDay);
    }

    @Test
    void calendar_isRejected_whenEveryDayIsAWeekendDay() {
        assertThatThrownBy(() -> BusinessCalendar.of("never", 1, PARIS, EnumSet.allOf(DayOfWeek.class), Set.of()))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.CALENDAR_NO_BUSINESS_DAYS);
    }

    @Test
    void calendar_isRejected_withoutIdVersionOrZone() {
        assertThatThrownBy(() -> BusinessCalendar.mondayToFriday(" ", 1, PARIS, Set.of()))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.CALENDAR_ID_MISSING);
        assertThatThrownBy(() -> BusinessCalendar.mondayToFriday("fr", 0, PARIS, Set.of()))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.CALENDAR_VERSION_INVALID);
        assertThatThrownBy(() -> BusinessCalendar.mondayToFriday("fr", 1, null, Set.of()))
                .extracting("errorCode").isEqualTo(InvalidServiceLevelException.CALENDAR_ZONE_MISSING);
    }
}
